import { useSyncExternalStore } from 'react';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';

export * from 'zustand/vanilla';
export { useStore } from 'zustand/react';

/**
 * `zustand`'s `create`, as the app builds it (vite.config.ts aliases `zustand` here). Zustand's own
 * hook gives React the store's getInitialState as the server snapshot, which `persist` leaves at the
 * state before anything was set. The build's server render (src/prerender.tsx) and the browser's
 * hydrating first render must both read the state as it stands (on a first visit: the form filled
 * with the demo by `openOnDemoIfFirstVisit`), or their markup would differ. Outside hydration React
 * reads getState either way, so nothing else changes.
 */
function createHook<T>(initializer: StateCreator<T>) {
  const api: StoreApi<T> = createStore<T>()(initializer);
  function useBoundStore(): T;
  function useBoundStore<U>(selector: (state: T) => U): U;
  function useBoundStore<U>(selector?: (state: T) => U): T | U {
    const read = () => (selector ? selector(api.getState()) : api.getState());
    return useSyncExternalStore(api.subscribe, read, read);
  }
  return Object.assign(useBoundStore, api);
}

export function create<T>(): typeof createHook<T>;
export function create<T>(initializer: StateCreator<T>): ReturnType<typeof createHook<T>>;
export function create<T>(initializer?: StateCreator<T>) {
  return initializer ? createHook(initializer) : createHook<T>;
}
