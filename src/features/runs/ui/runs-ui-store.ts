import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Which run is on screen: UI state only; the runs themselves live in IndexedDB. */
interface RunsUiState {
  openRunId: string | undefined;
  actions: { open: (runId: string | undefined) => void };
}

const useRunsUiStore = create<RunsUiState>()(
  persist(
    (set) => ({
      openRunId: undefined,
      actions: { open: (openRunId) => set({ openRunId }) },
    }),
    {
      name: 'classify-console:runs-ui',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ openRunId }) => ({ openRunId }),
    },
  ),
);

export const useOpenRunId = () => useRunsUiStore((state) => state.openRunId);
export const useRunsUiActions = () => useRunsUiStore((state) => state.actions);

/** Erase all data on this device: which run was open is forgotten. */
export const eraseRunsUi = () => useRunsUiStore.persist.clearStorage();
