import '../lib/zod-config';
import { z } from 'zod';
import { DEMO_TRAINING_TICKETS } from './demo-training-tickets';

/**
 * The storage account linked to the simulated Language resource, held in memory (and in
 * localStorage in the browser): the demo's blob handlers write to it, `:import` reads from it.
 * Over HTTP the service may read a real account (Azurite) instead, through the same BlobSource.
 */

/** What `:import` needs of storage: the texts of the named blobs, or why they cannot be read. */
export interface BlobSource {
  readTexts(container: string, names: readonly string[]): Promise<BlobReading>;
}

export type BlobReading =
  | { texts: ReadonlyMap<string, string>; missing: readonly string[] }
  | { failure: 'container-not-found' | 'forbidden' | 'unavailable'; detail?: string };

const blobSchema = z.object({
  /** The bytes, base64: a blob is bytes, whatever the demo puts in it. */
  content: z.string(),
  contentType: z.string(),
  etag: z.string(),
  createdAt: z.number(),
  modifiedAt: z.number(),
});
export type StoredBlob = z.infer<typeof blobSchema>;

const snapshotSchema = z.object({
  version: z.literal(1),
  containers: z.record(z.string(), z.record(z.string(), blobSchema)),
});
type Snapshot = z.infer<typeof snapshotSchema>;

export const BLOB_STORAGE_KEY = 'classify-console:demo-blobs';

export const bytesToBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
export const base64ToBytes = (base64: string) =>
  Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/** The containers a first visit finds: SupportTickets' training documents in `support-tickets`. */
export const SEEDED_CONTAINERS = ['support-tickets', 'movie-synopses', 'invoices'] as const;

function seededSnapshot(now: number): Snapshot {
  const encoder = new TextEncoder();
  const supportTickets = Object.fromEntries(
    DEMO_TRAINING_TICKETS.map((ticket, index) => [
      ticket.location,
      {
        content: bytesToBase64(encoder.encode(ticket.text)),
        contentType: 'text/plain',
        etag: `"0x8DD${index.toString(16).padStart(12, '0').toUpperCase()}"`,
        createdAt: now,
        modifiedAt: now,
      },
    ]),
  );
  return {
    version: 1,
    containers: { 'support-tickets': supportTickets, 'movie-synopses': {}, invoices: {} },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;

export function createBlobStore(
  options: { now?: () => number; persistence?: Pick<Storage, 'getItem' | 'setItem'> } = {},
) {
  const now = options.now ?? Date.now;
  const { persistence } = options;
  let snapshot = load();
  let etagCounter = 0;

  function load(): Snapshot {
    try {
      const stored = persistence?.getItem(BLOB_STORAGE_KEY);
      if (stored) {
        const parsed = snapshotSchema.safeParse(JSON.parse(stored));
        if (parsed.success) return parsed.data;
      }
    } catch {
      // Unreadable: start as a first visit does.
    }
    return seededSnapshot(now());
  }

  function save(): void {
    try {
      persistence?.setItem(BLOB_STORAGE_KEY, JSON.stringify(snapshot));
    } catch {
      // Storage full or disabled: the demo keeps its blobs in memory.
    }
  }

  const nextEtag = () => `"0x8DE${(now() * 16 + (etagCounter++ % 16)).toString(16).toUpperCase()}"`;

  const store = {
    hasContainer: (container: string) => Object.hasOwn(snapshot.containers, container),

    /** False when it exists already. */
    createContainer(container: string): boolean {
      if (store.hasContainer(container)) return false;
      snapshot.containers[container] = {};
      save();
      return true;
    },

    getBlob(container: string, name: string): StoredBlob | undefined {
      const blobs = snapshot.containers[container];
      return blobs && Object.hasOwn(blobs, name) ? blobs[name] : undefined;
    },

    putBlob(container: string, name: string, bytes: Uint8Array, contentType: string): StoredBlob {
      const blobs = (snapshot.containers[container] ??= {});
      const previous = Object.hasOwn(blobs, name) ? blobs[name] : undefined;
      const blob: StoredBlob = {
        content: bytesToBase64(bytes),
        contentType,
        etag: nextEtag(),
        createdAt: previous?.createdAt ?? now(),
        modifiedAt: now(),
      };
      blobs[name] = blob;
      save();
      return blob;
    },

    /** Names in order, as the service lists them. */
    listBlobs(container: string, prefix = ''): [string, StoredBlob][] {
      return Object.entries(snapshot.containers[container] ?? {})
        .filter(([name]) => name.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    },

    /** The Language resource reads its linked account directly: no SAS involved. */
    source: {
      readTexts(container: string, names: readonly string[]): Promise<BlobReading> {
        if (!store.hasContainer(container)) {
          return Promise.resolve({ failure: 'container-not-found' });
        }
        const decoder = new TextDecoder();
        const texts = new Map<string, string>();
        const missing: string[] = [];
        for (const name of names) {
          const blob = store.getBlob(container, name);
          if (blob) texts.set(name, decoder.decode(base64ToBytes(blob.content)));
          else missing.push(name);
        }
        return Promise.resolve({ texts, missing });
      },
    } satisfies BlobSource,

    /** Back to a first visit's containers. */
    reset(): void {
      snapshot = seededSnapshot(now());
      save();
    },
  };
  return store;
}
