import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface DocumentsDraft {
  draft: string;
  actions: { setDraft: (draft: string) => void };
}

const useDocumentsStore = create<DocumentsDraft>()(
  persist(
    (set) => ({
      draft: '',
      actions: { setDraft: (draft) => set({ draft }) },
    }),
    {
      name: 'classify-console:documents',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ draft }) => ({ draft }),
    },
  ),
);

export const useDocumentsDraft = () => useDocumentsStore((state) => state.draft);
export const useDocumentsActions = () => useDocumentsStore((state) => state.actions);

/** For start-up code outside React. */
export function setDocumentsDraft(draft: string): void {
  useDocumentsStore.getState().actions.setDraft(draft);
}
