import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createDocumentsStore } from './documents-store';
import { createDraftRepository, DraftDatabase, type DraftRepository } from './draft-db';

function memoryStorage(): StateStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}

let databases = 0;
const freshDatabase = () => new DraftDatabase(`documents-store-test-${(databases += 1)}`);

/** Resolves once the store has finished restoring (or had nothing to restore). */
function restored(store: ReturnType<typeof createDocumentsStore>) {
  return new Promise<void>((resolve) => {
    if (!store.getState().restoring) resolve();
    const unsubscribe = store.subscribe((state) => {
      if (state.restoring) return;
      unsubscribe();
      resolve();
    });
  });
}

const documents = [
  { id: 'T-1', text: 'Refund please', labels: ['Billing'] },
  { id: 'T-2', text: 'It crashes', labels: ['TechnicalIssue', 'Mobile'] },
];

describe('the documents store', () => {
  it('uses imported documents at once, and has them again after a reload', async () => {
    const db = freshDatabase();
    const storage = memoryStorage();
    let saved: Promise<boolean> | undefined;
    const base = createDraftRepository(db);
    const repository: DraftRepository = {
      ...base,
      save: (set) => (saved = base.save(set)),
    };
    const page = createDocumentsStore({ repository, storage });
    page.getState().actions.setDraft('typed text');
    page.getState().actions.setImported({ sourceName: 'tickets.csv', documents });
    expect(page.getState().imported?.documents).toEqual(documents);
    expect(await saved).toBe(true);
    // Only UI state goes to localStorage; the documents are in IndexedDB.
    expect(storage.items.get('classify-console:documents')).not.toContain('Refund please');

    const reloaded = createDocumentsStore({ repository: createDraftRepository(db), storage });
    expect(reloaded.getState().restoring).toBe(true);
    expect(reloaded.getState().imported).toEqual({ sourceName: 'tickets.csv', documents: [] });
    await restored(reloaded);
    expect(reloaded.getState().imported).toEqual({ sourceName: 'tickets.csv', documents });
    expect(reloaded.getState().draft).toBe('typed text');
  });

  it('goes back to the text box in one step, the draft untouched, and stays there after a reload', () => {
    const db = freshDatabase();
    const storage = memoryStorage();
    const page = createDocumentsStore({ repository: createDraftRepository(db), storage });
    page.getState().actions.setDraft('my paragraphs');
    page.getState().actions.setImported({ sourceName: 'tickets.csv', documents });
    page.getState().actions.switchToTextBox();
    expect(page.getState().imported).toBeUndefined();
    expect(page.getState().source).toBe('text');
    expect(page.getState().draft).toBe('my paragraphs');

    const reloaded = createDocumentsStore({ repository: createDraftRepository(db), storage });
    expect(reloaded.getState().restoring).toBe(false);
    expect(reloaded.getState().imported).toBeUndefined();
  });

  it('keeps a refused file across a reload until it is removed, or a file is accepted', () => {
    const storage = memoryStorage();
    const repository = createDraftRepository(freshDatabase());
    const page = createDocumentsStore({ repository, storage });
    const refused = { sourceName: 'dupes.csv', problems: ['1 id is used more than once.'] };
    page.getState().actions.setRefused(refused);
    expect(createDocumentsStore({ repository, storage }).getState().refused).toEqual(refused);

    page.getState().actions.setRefused(undefined);
    expect(createDocumentsStore({ repository, storage }).getState().refused).toBeUndefined();

    page.getState().actions.setRefused(refused);
    page.getState().actions.setImported({ sourceName: 'tickets.csv', documents });
    expect(page.getState().refused).toBeUndefined();
  });

  it('says so, and falls back to the text box, when the documents cannot be read back', async () => {
    const storage = memoryStorage();
    storage.setItem(
      'classify-console:documents',
      JSON.stringify({
        state: { draft: 'kept', source: 'import', sourceName: 'gone.csv' },
        version: 2,
      }),
    );
    const store = createDocumentsStore({
      repository: createDraftRepository(freshDatabase()),
      storage,
    });
    await restored(store);
    expect(store.getState().source).toBe('text');
    expect(store.getState().imported).toBeUndefined();
    expect(store.getState().notice).toMatch(/gone\.csv could not be read back/);
  });

  it('reads what it can of a damaged saved state, and falls back to the text box', () => {
    const storage = memoryStorage();
    storage.setItem(
      'classify-console:documents',
      JSON.stringify({ state: { draft: 'kept', source: 'files?', sourceName: 42 }, version: 2 }),
    );
    const store = createDocumentsStore({
      repository: createDraftRepository(freshDatabase()),
      storage,
    });
    expect(store.getState()).toMatchObject({
      draft: 'kept',
      source: 'text',
      sourceName: undefined,
    });
    storage.setItem('classify-console:documents', JSON.stringify({ state: null, version: 2 }));
    const empty = createDocumentsStore({
      repository: createDraftRepository(freshDatabase()),
      storage,
    });
    expect(empty.getState()).toMatchObject({ draft: '', source: 'text', restoring: false });
  });

  it('keeps the draft of version 1, with the text box in use', () => {
    const storage = memoryStorage();
    storage.setItem(
      'classify-console:documents',
      JSON.stringify({ state: { draft: 'old draft' }, version: 1 }),
    );
    const store = createDocumentsStore({
      repository: createDraftRepository(freshDatabase()),
      storage,
    });
    expect(store.getState().draft).toBe('old draft');
    expect(store.getState().source).toBe('text');
  });

  it('tells the user when the documents could not be kept', async () => {
    const failing: DraftRepository = {
      save: () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })),
      load: () => Promise.resolve(undefined),
      clear: () => Promise.resolve(),
      erase: () => Promise.resolve(),
    };
    const store = createDocumentsStore({ repository: failing, storage: memoryStorage() });
    store.getState().actions.setImported({ sourceName: 'big.csv', documents });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().imported?.documents).toHaveLength(2);
    expect(store.getState().notice).toMatch(/no room/);
  });

  it('says it is saving until the imported set is stored, and only then', async () => {
    let finish: (kept: boolean) => void = () => undefined;
    const slow: DraftRepository = {
      save: () => new Promise<boolean>((resolve) => (finish = resolve)),
      load: () => Promise.resolve(undefined),
      clear: () => Promise.resolve(),
      erase: () => Promise.resolve(),
    };
    const store = createDocumentsStore({ repository: slow, storage: memoryStorage() });
    expect(store.getState().saving).toBe(false);
    store.getState().actions.setImported({ sourceName: 'big.csv', documents });
    expect(store.getState().saving).toBe(true);
    finish(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().saving).toBe(false);
  });

  it('clears the imported set when a run submitted with it is deleted, and only then', () => {
    const storage = memoryStorage();
    const repository = createDraftRepository(freshDatabase());
    const page = createDocumentsStore({ repository, storage });
    page.getState().actions.setDraft('my paragraphs');
    page.getState().actions.markUsedByRun('typed-run');
    page.getState().actions.setImported({ sourceName: 'tickets.csv', documents });
    page.getState().actions.markUsedByRun('run-1');
    page.getState().actions.runDeleted('other-run');
    page.getState().actions.runDeleted('typed-run');
    expect(page.getState().imported?.documents).toEqual(documents);

    // The link survives a reload.
    const reloaded = createDocumentsStore({ repository, storage });
    reloaded.getState().actions.runDeleted('run-1');
    expect(reloaded.getState().imported).toBeUndefined();
    expect(reloaded.getState().source).toBe('text');
    expect(reloaded.getState().draft).toBe('my paragraphs');
  });

  it('a new import is not cleared by deleting a run of the previous one', () => {
    const page = createDocumentsStore({
      repository: createDraftRepository(freshDatabase()),
      storage: memoryStorage(),
    });
    page.getState().actions.setImported({ sourceName: 'first.csv', documents });
    page.getState().actions.markUsedByRun('run-1');
    page.getState().actions.setImported({ sourceName: 'second.csv', documents });
    page.getState().actions.runDeleted('run-1');
    expect(page.getState().imported?.sourceName).toBe('second.csv');
  });

  it('erases the draft, the imported set and its database', async () => {
    const db = freshDatabase();
    const storage = memoryStorage();
    const page = createDocumentsStore({ repository: createDraftRepository(db), storage });
    page.getState().actions.setDraft('typed');
    page.getState().actions.setImported({ sourceName: 'tickets.csv', documents });
    await page.getState().actions.erase();
    expect(storage.items.size).toBe(0);
    expect(await Dexie.exists(db.name)).toBe(false);
  });
});
