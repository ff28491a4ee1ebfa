import { create } from 'zustand';

/**
 * A run to bring into view once it is on screen: asked by Submit, Rerun and Open, answered by the
 * open run's panel when it has rendered. Not kept: a reload shows the page where it was.
 */
interface RevealState {
  /** A new object for every request, so asking twice for the open run reveals it twice. */
  request: { runId: string } | undefined;
  actions: { revealRun: (runId: string) => void; revealed: () => void };
}

const useRevealStore = create<RevealState>()((set) => ({
  request: undefined,
  actions: {
    revealRun: (runId) => set({ request: { runId } }),
    revealed: () => set({ request: undefined }),
  },
}));

export const useRevealRequest = () => useRevealStore((state) => state.request);
export const useRevealActions = () => useRevealStore((state) => state.actions);
