import { Dexie, type EntityTable } from 'dexie';
import type { ImportedDocument } from './import/imported-documents';

/** Documents imported from files, and the name the user knows them by ("tickets.csv", "12 files"). */
export interface ImportedSet {
  sourceName: string;
  documents: ImportedDocument[];
}

/** The one import kept; its documents are in `chunks` under its `importId`. */
interface SavedImport {
  key: 'current';
  importId: string;
  sourceName: string;
  count: number;
  chunks: number;
  savedAt: number;
}

interface SavedChunk {
  importId: string;
  index: number;
  documents: ImportedDocument[];
}

/** The documents draft of this browser: the imported set, so a reload does not lose it. */
export class DraftDatabase extends Dexie {
  imports!: EntityTable<SavedImport, 'key'>;
  chunks!: Dexie.Table<SavedChunk, [string, number]>;

  constructor(name = 'classify-console-draft') {
    super(name);
    this.version(1).stores({ imports: 'key', chunks: '[importId+index], importId' });
  }
}

export interface DraftRepository {
  /** Keeps `set` as the imported documents; false when a later save or a clear overtook it. */
  save: (set: ImportedSet) => Promise<boolean>;
  /** The imported documents kept, or undefined when there are none (or they are incomplete). */
  load: () => Promise<ImportedSet | undefined>;
  clear: () => Promise<void>;
  /** Deletes the database itself (Erase all data on this device); a save under way stops. */
  erase: () => Promise<void>;
}

interface ChunkLimits {
  documents: number;
  characters: number;
}

/** Small enough that no write or read holds the page for long, even for long documents. */
const CHUNK_LIMITS: ChunkLimits = { documents: 1_000, characters: 2_000_000 };

/** Consecutive groups of documents within both limits (a document longer than the limit alone). */
export function chunkDocuments(
  documents: ImportedDocument[],
  limits: ChunkLimits = CHUNK_LIMITS,
): ImportedDocument[][] {
  const chunks: ImportedDocument[][] = [];
  let current: ImportedDocument[] = [];
  let characters = 0;
  for (const document of documents) {
    if (
      current.length > 0 &&
      (current.length >= limits.documents || characters + document.text.length > limits.characters)
    ) {
      chunks.push(current);
      current = [];
      characters = 0;
    }
    current.push(document);
    characters += document.text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const newImportId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Chunks are written first, one short transaction each, under a new import id; the import is
 * named current only once all are in, so a reload mid-write keeps the previous set whole.
 */
export function createDraftRepository(
  db = new DraftDatabase(),
  limits: ChunkLimits = CHUNK_LIMITS,
): DraftRepository {
  let generation = 0;

  const dropChunks = (importId: string) => db.chunks.where('importId').equals(importId).delete();

  return {
    async save({ sourceName, documents }) {
      generation += 1;
      const mine = generation;
      const importId = newImportId();
      const chunks = chunkDocuments(documents, limits);
      for (const [index, chunk] of chunks.entries()) {
        if (generation !== mine) break;
        await db.chunks.put({ importId, index, documents: chunk });
      }
      const kept = await db.transaction('rw', db.imports, db.chunks, async () => {
        if (generation !== mine) return false;
        await db.imports.put({
          key: 'current',
          importId,
          sourceName,
          count: documents.length,
          chunks: chunks.length,
          savedAt: Date.now(),
        });
        await db.chunks.where('importId').notEqual(importId).delete();
        return true;
      });
      if (!kept) await dropChunks(importId);
      return kept;
    },

    async load() {
      const saved = await db.imports.get('current');
      if (!saved) return undefined;
      const documents: ImportedDocument[] = [];
      // One chunk a read, so the page is never held while thousands of documents are copied in.
      for (let index = 0; index < saved.chunks; index += 1) {
        const chunk = await db.chunks.get([saved.importId, index]);
        if (!chunk) return undefined;
        for (const document of chunk.documents) documents.push(document);
      }
      if (documents.length !== saved.count) return undefined;
      return { sourceName: saved.sourceName, documents };
    },

    async erase() {
      generation += 1;
      // Dexie's delete also stops this connection reopening it: a late write fails, it cannot recreate it.
      await db.delete();
    },

    async clear() {
      generation += 1;
      await db.transaction('rw', db.imports, db.chunks, async () => {
        await db.imports.clear();
        await db.chunks.clear();
      });
    },
  };
}
