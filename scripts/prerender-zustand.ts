import { useSyncExternalStore } from 'react';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';

/**
 * `zustand`'s `create`, for the prerender only (scripts/prerender.ts aliases it): a server render
 * reads a store's getInitialState, which `persist` leaves at the state before anything was set;
 * the first visit's screen is the state after the demo filled the form, so this reads getState.
 */
export function create<T>() {
  return (initializer: StateCreator<T>) => {
    const api: StoreApi<T> = createStore<T>()(initializer);
    function useBoundStore<U>(selector: (state: T) => U): U {
      const read = () => selector(api.getState());
      return useSyncExternalStore(api.subscribe, read, read);
    }
    return Object.assign(useBoundStore, api);
  };
}
