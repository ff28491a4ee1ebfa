import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { DraftRepository, ImportedSet } from './draft-db';
import { isStorageFull } from '../../lib/storage-full';

export type { ImportedSet } from './draft-db';

/** Where Submit takes its documents from. */
type DocumentSource = 'text' | 'import';

/** A chosen file that cannot be used, and why: Submit waits until it is removed or fixed. */
interface RefusedImport {
  sourceName: string;
  problems: string[];
}

interface DocumentsState {
  /** What the user typed or pasted: kept across reloads, untouched while files are used. */
  draft: string;
  source: DocumentSource;
  /** The imported set's name, kept so a reload can say what it is restoring. */
  sourceName: string | undefined;
  /**
   * The imported documents for this page: a copy of what IndexedDB keeps (draft-db.ts), which
   * owns them. Empty while they are read back after a reload.
   */
  imported: ImportedSet | undefined;
  /** True from a reload until the imported documents are read back from IndexedDB. */
  restoring: boolean;
  /** Something the user should know about the imported set: not kept, or not restored. */
  notice: string | undefined;
  /** The file last chosen, when it was refused: kept across reloads like an accepted one. */
  refused: RefusedImport | undefined;
  /** True while the imported set is being written to IndexedDB: a reload now would lose it. */
  saving: boolean;
  /** The runs submitted with the imported set: deleting one of them clears the set too. */
  usedByRuns: string[];
  actions: {
    setDraft: (draft: string) => void;
    /** The imported documents become the document set, and are kept in the browser. */
    setImported: (imported: ImportedSet) => void;
    /** Back to the text box; the imported set (and a refused file) is forgotten, here and in the browser. */
    switchToTextBox: () => void;
    /** A chosen file was refused (or, with undefined, removed). */
    setRefused: (refused: RefusedImport | undefined) => void;
    /** The run `runId` was submitted with the imported set. */
    markUsedByRun: (runId: string) => void;
    /** The run `runId` was deleted: the imported set that made it goes too (the text box stays). */
    runDeleted: (runId: string) => void;
    /** Erase all data on this device: the draft, the imported set and their database. */
    erase: () => Promise<void>;
  };
}

interface Persisted {
  draft: string;
  source: DocumentSource;
  sourceName?: string | undefined;
  usedByRuns?: string[] | undefined;
  refused?: RefusedImport | undefined;
}

function readRefused(value: unknown): RefusedImport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const sourceName: unknown = Reflect.get(value, 'sourceName');
  const problems: unknown = Reflect.get(value, 'problems');
  if (typeof sourceName !== 'string' || !Array.isArray(problems)) return undefined;
  const messages = problems.filter((problem): problem is string => typeof problem === 'string');
  return { sourceName, problems: messages };
}

/**
 * What localStorage held, field by field as far as it makes sense; anything else falls back to
 * the text box. Three fields, checked by hand: zod would double the first screen's script.
 */
function readPersisted(value: unknown): Persisted {
  const field = (name: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  const draft = field('draft');
  const source = field('source');
  const sourceName = field('sourceName');
  const usedByRuns = field('usedByRuns');
  return {
    draft: typeof draft === 'string' ? draft : '',
    source: source === 'import' ? 'import' : 'text',
    sourceName: typeof sourceName === 'string' ? sourceName : undefined,
    refused: readRefused(field('refused')),
    usedByRuns: Array.isArray(usedByRuns)
      ? usedByRuns.filter((runId): runId is string => typeof runId === 'string')
      : [],
  };
}

function notKeptNotice(error: unknown): string {
  return isStorageFull(error)
    ? 'The browser has no room to keep these documents: they are used now, but a reload loses them.'
    : 'These documents could not be kept in this browser: they are used now, but a reload loses them.';
}

interface DocumentsStoreOptions {
  repository?: DraftRepository;
  storage?: StateStorage;
}

/**
 * The browser's draft database (Dexie), loaded on first use rather than with the first screen:
 * the text box needs none of it, and a reload reads it back right after the first paint.
 */
function lazyDraftRepository(): DraftRepository {
  let loaded: Promise<DraftRepository> | undefined;
  const draftDb = () =>
    (loaded ??= import('./draft-db').then(({ createDraftRepository }) => createDraftRepository()));
  return {
    save: async (set) => (await draftDb()).save(set),
    load: async () => (await draftDb()).load(),
    clear: async () => (await draftDb()).clear(),
    erase: async () => (await draftDb()).erase(),
  };
}

export function createDocumentsStore({
  repository = lazyDraftRepository(),
  storage,
}: DocumentsStoreOptions = {}) {
  // Once erased, nothing this page still does (a save finishing) may write the draft back.
  let erased = false;
  const device = (): StateStorage => storage ?? localStorage;
  const draftStorage: StateStorage = {
    getItem: (name) => device().getItem(name),
    setItem: (name, value) => (erased ? undefined : device().setItem(name, value)),
    removeItem: (name) => device().removeItem(name),
  };
  const store = create<DocumentsState>()(
    persist(
      (set, get) => ({
        draft: '',
        source: 'text',
        sourceName: undefined,
        imported: undefined,
        restoring: false,
        notice: undefined,
        refused: undefined,
        saving: false,
        usedByRuns: [],
        actions: {
          setDraft: (draft) => set({ draft }),
          setImported: (imported) => {
            set({
              source: 'import',
              sourceName: imported.sourceName,
              imported,
              restoring: false,
              notice: undefined,
              refused: undefined,
              saving: true,
              usedByRuns: [],
            });
            repository
              .save(imported)
              .catch((error: unknown) => {
                if (get().imported === imported) set({ notice: notKeptNotice(error) });
              })
              .finally(() => {
                if (get().imported === imported) set({ saving: false });
              });
          },
          switchToTextBox: () => {
            set({
              source: 'text',
              sourceName: undefined,
              imported: undefined,
              restoring: false,
              notice: undefined,
              refused: undefined,
              saving: false,
              usedByRuns: [],
            });
            repository.clear().catch(() => undefined);
          },
          markUsedByRun: (runId) => {
            if (get().imported) set({ usedByRuns: [...get().usedByRuns, runId] });
          },
          runDeleted: (runId) => {
            if (get().usedByRuns.includes(runId)) get().actions.switchToTextBox();
          },
          erase: async () => {
            erased = true;
            store.persist.clearStorage();
            await repository.erase();
          },
          setRefused: (refused) => set({ refused }),
        },
      }),
      {
        name: 'classify-console:documents',
        version: 2,
        storage: createJSONStorage(() => draftStorage),
        partialize: ({ draft, source, sourceName, usedByRuns, refused }): Persisted => ({
          draft,
          source,
          sourceName,
          usedByRuns,
          refused,
        }),
        // Version 1 kept only the draft: files were never kept, so the text box is in use.
        migrate: (persisted) => ({ ...readPersisted(persisted), source: 'text' }),
        merge: (persisted, current) => {
          const { draft, source, sourceName, usedByRuns, refused } = readPersisted(persisted);
          const fromFiles = source === 'import';
          return {
            ...current,
            draft,
            source,
            sourceName,
            refused,
            usedByRuns: fromFiles ? (usedByRuns ?? []) : [],
            restoring: fromFiles,
            // Nothing from the text box is sent while the files' documents are read back.
            imported: fromFiles ? { sourceName: sourceName ?? '', documents: [] } : undefined,
          };
        },
        onRehydrateStorage: () => (state) => {
          if (state?.restoring) void restore(state.sourceName ?? 'files');
        },
      },
    ),
  );

  // Runs while the store is being created: `store` is only read after the first await.
  async function restore(name: string) {
    let imported: ImportedSet | undefined;
    try {
      imported = await repository.load();
    } catch {
      imported = undefined;
    }
    // The user may have chosen other documents in the meantime.
    if (!store.getState().restoring) return;
    if (imported) store.setState({ imported, sourceName: imported.sourceName, restoring: false });
    else
      store.setState({
        source: 'text',
        sourceName: undefined,
        imported: undefined,
        restoring: false,
        notice: `The documents imported from ${name} could not be read back from this browser. Choose the file again.`,
      });
  }

  return store;
}

const useDocumentsStore = createDocumentsStore();

export const useDocumentsDraft = () => useDocumentsStore((state) => state.draft);
/** The documents Submit sends when files are used (none while they are restored), else undefined. */
export const useImportedDocuments = () => useDocumentsStore((state) => state.imported);
export const useDocumentsRestoring = () => useDocumentsStore((state) => state.restoring);
export const useImportNotice = () => useDocumentsStore((state) => state.notice);
export const useRefusedImport = () => useDocumentsStore((state) => state.refused);
/** True while an imported set is being stored in this browser (a reload now would lose it). */
export const useImportSaving = () => useDocumentsStore((state) => state.saving);
export const useDocumentsActions = () => useDocumentsStore((state) => state.actions);

/** The document set as it stands, for a decision taken on a click (Try the demo asks first). */
export function readDocuments(): Pick<
  DocumentsState,
  'draft' | 'imported' | 'sourceName' | 'refused' | 'saving'
> {
  const { draft, imported, sourceName, refused, saving } = useDocumentsStore.getState();
  return { draft, imported, sourceName, refused, saving };
}

/** For start-up code outside React. */
export function setDocumentsDraft(draft: string): void {
  useDocumentsStore.getState().actions.setDraft(draft);
}

/** Deleting a run clears the imported set it was submitted with (app/ composes the two). */
export function forgetImportOfRun(runId: string): void {
  useDocumentsStore.getState().actions.runDeleted(runId);
}

/** A run was submitted with the documents now in use (app/ tells the store). */
export function markImportUsedByRun(runId: string): void {
  useDocumentsStore.getState().actions.markUsedByRun(runId);
}

/** Erase all data on this device, the documents' part: the text box's draft and the imported set. */
export function eraseDocuments(): Promise<void> {
  return useDocumentsStore.getState().actions.erase();
}
