import {
  startTransition,
  useEffect,
  useReducer,
  useSyncExternalStore,
  type ComponentType,
} from 'react';

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
const subscribeToNothing = () => () => undefined;
const increment = (count: number) => count + 1;

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
  const preload = () =>
    (loading ??= load().then(
      (Component) => settle({ state: 'in', Component }),
      (error: unknown) => settle({ state: 'failed', error }),
    ));
  function DeferredComponent(props: P) {
    // While hydrating, the server's snapshot; otherwise the chunk as it stands at this render.
    // React is told of the chunk's arrival below, not through this store's subscription.
    const current = useSyncExternalStore(
      subscribeToNothing,
      () => chunk,
      () => notLoaded,
    );
    const [, renderAgain] = useReducer(increment, 0);
    // The chunk's arrival renders the part as a transition: in slices, with the page answering
    // input between them. Through the store's subscription it was one synchronous task (React
    // renders an external store's change at once), 30-70 ms for a menu or the resource pickers.
    useEffect(() => {
      const show = () => startTransition(renderAgain);
      listeners.add(show);
      // Settled between this render and the subscription.
      if (chunk !== current) show();
      return () => void listeners.delete(show);
    }, [current]);
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
