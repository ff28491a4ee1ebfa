import { lazy, Suspense, type ComponentType } from 'react';

interface Deferred<P extends object> {
  (props: P): React.JSX.Element;
  /** Starts loading the chunk (once); the page calls it when idle after the first paint. */
  preload: () => Promise<unknown>;
}

/**
 * A component whose code comes in a chunk of its own, so that the first paint does not wait for
 * it. Until the chunk is in, `Fallback` stands in its place with the same props: a look-alike that
 * cannot act yet (a trigger button marked aria-disabled, a plain text field), or nothing.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback?: ComponentType<P>,
): Deferred<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => (loading ??= load().then((component) => ({ default: component })));
  const Loaded = lazy(preload);
  function DeferredComponent(props: P) {
    return (
      <Suspense fallback={Fallback ? <Fallback {...props} /> : null}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return Object.assign(DeferredComponent, { preload });
}
