import { create } from 'zustand';

/**
 * A demo that runs its documents once the form holds them (More demos → Improve the support
 * tickets model): asked by the demo menu, answered by Submit job's owner when the documents from
 * `source` are ready. Not kept: a reload never submits on its own.
 */
interface DemoRunState {
  source: string | undefined;
  actions: { requestDemoRun: (source: string) => void; demoRunStarted: () => void };
}

const useDemoRunStore = create<DemoRunState>()((set) => ({
  source: undefined,
  actions: {
    requestDemoRun: (source) => set({ source }),
    demoRunStarted: () => set({ source: undefined }),
  },
}));

export const useDemoRunRequest = () => useDemoRunStore((state) => state.source);
export const useDemoRunActions = () => useDemoRunStore((state) => state.actions);
export const requestDemoRun = (source: string) =>
  useDemoRunStore.getState().actions.requestDemoRun(source);
