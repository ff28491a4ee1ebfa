import { useEffect, useSyncExternalStore, type ComponentType } from 'react';
import { yieldToPage } from '../lib/yield-to-page';

interface Deferred<P extends object> {
  (props: P): React.JSX.Element;
  /** Starts loading the chunk (once); the page calls it when idle after the first paint. */
  preload: () => Promise<unknown>;
}

type Chunk<P> =
  | { state: 'loading' }
  | { state: 'in'; Component: ComponentType<P> }
  | { state: 'failed'; error: unknown };

/**
 * A component whose code comes in a chunk of its own, so that the first paint does not wait for
 * it. Until the chunk is in, `Fallback` stands in its place with the same props: a look-alike that
 * cannot act yet (a trigger button marked aria-disabled, a plain text field), or nothing.
 *
 * No Suspense: the build's server render (src/prerender.tsx) and the browser's first, hydrating
 * render must produce the same markup, and a boundary the server leaves suspended would make React
 * throw its markup away and report an error. Both render the stand-in (the server snapshot below
 * says the chunk is not in), and the page swaps in the component once its chunk has arrived.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback?: ComponentType<P>,
): Deferred<P> {
  // One object for "not in yet", on the server and in the browser: a snapshot that differed from
  // the server's after hydrating would make React render every stand-in again, synchronously.
  const notLoaded: Chunk<P> = { state: 'loading' };
  let chunk: Chunk<P> = notLoaded;
  let loading: Promise<unknown> | undefined;
  const listeners = new Set<() => void>();
  const settle = (next: Chunk<P>) => {
    chunk = next;
    for (const listener of listeners) listener();
  };
  // Each part is put in by a task of its own: parts whose chunks arrive together (the header's
  // menus, the pickers) were rendered in one synchronous task, 40-70 ms on a first visit.
  const preload = () =>
    (loading ??= load()
      .then(
        (Component): Chunk<P> => ({ state: 'in', Component }),
        (error: unknown): Chunk<P> => ({ state: 'failed', error }),
      )
      .then(async (arrived) => {
        await yieldToPage();
        settle(arrived);
      }));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  function DeferredComponent(props: P) {
    const current = useSyncExternalStore(
      subscribe,
      () => chunk,
      () => notLoaded,
    );
    // Fetched in a task of its own, just after the commit that puts the stand-in on screen:
    // adding a chunk's modulepreload links took ~20 ms of the first screen's hydrating commit.
    // Not when idle: a part shown later (an import's preview) would wait for a busy page.
    useEffect(() => {
      const soon = setTimeout(() => void preload(), 0);
      return () => clearTimeout(soon);
    }, []);
    // A chunk that cannot be fetched (the app was redeployed, the network dropped) is an error
    // for the nearest error boundary, as it was with React.lazy.
    if (current.state === 'failed') throw current.error;
    if (current.state === 'in') return <current.Component {...props} />;
    return Fallback ? <Fallback {...props} /> : <></>;
  }
  return Object.assign(DeferredComponent, { preload });
}
