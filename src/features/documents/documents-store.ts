import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ImportedDocument } from './import/imported-documents';

export interface ImportedSet {
  sourceName: string;
  documents: ImportedDocument[];
}

interface DocumentsState {
  /** What the user typed or pasted: kept across reloads. */
  draft: string;
  /** Documents from files; kept in memory only (thousands of texts do not belong in localStorage). */
  imported: ImportedSet | undefined;
  actions: {
    setDraft: (draft: string) => void;
    setImported: (imported: ImportedSet | undefined) => void;
  };
}

const useDocumentsStore = create<DocumentsState>()(
  persist(
    (set) => ({
      draft: '',
      imported: undefined,
      actions: {
        setDraft: (draft) => set({ draft }),
        setImported: (imported) => set({ imported }),
      },
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
export const useImportedDocuments = () => useDocumentsStore((state) => state.imported);
export const useDocumentsActions = () => useDocumentsStore((state) => state.actions);

/** For start-up code outside React. */
export function setDocumentsDraft(draft: string): void {
  useDocumentsStore.getState().actions.setDraft(draft);
}
