import { requestGate } from './request-gate';

/**
 * Putting a run's documents in the project's container as `.txt` blobs. The Azure SDK is loaded
 * only when a container is opened (a chunk of its own); everything else works on a small port,
 * so the rules (never overwrite, several in flight, stop on the first failure) are tested alone.
 */

export interface BlobContainerPort {
  /** Put Blob only where no blob of that name exists; `exists` when one does (nothing written). */
  putIfAbsent(
    name: string,
    body: Uint8Array<ArrayBuffer>,
    metadata: Record<string, string>,
  ): Promise<'created' | 'exists'>;
  /** The metadata of an existing blob. */
  metadataOf(name: string): Promise<Record<string, string>>;
}

export type StorageFailureKind =
  'blocked' | 'forbidden' | 'container-missing' | 'exists-different' | 'other';

/** A failure of the storage account, classified once; the UI words it. */
export class StorageError extends Error {
  readonly kind: StorageFailureKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  /** The blob it happened on, where there is one. */
  readonly blobName: string | undefined;

  constructor(init: {
    kind: StorageFailureKind;
    message: string;
    status?: number;
    code?: string;
    blobName?: string;
  }) {
    super(init.message);
    this.name = 'StorageError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.blobName = init.blobName;
  }
}

/** Blob metadata that says which text this app wrote, so a blob is recognised, never overwritten. */
export const CONTENT_HASH_KEY = 'ccsha256';

export async function contentHash(body: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface BlobToUpload {
  location: string;
  text: string;
}

export interface UploadOptions {
  /** Blobs in flight at once. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Each blob once it is in the container (written now, or found there with the same text). */
  onUploaded?: (location: string, outcome: 'created' | 'exists') => void;
}

export const DEFAULT_BLOBS_IN_FLIGHT = 8;

async function uploadOne(
  port: BlobContainerPort,
  blob: BlobToUpload,
): Promise<'created' | 'exists'> {
  const body = new TextEncoder().encode(blob.text);
  const hash = await contentHash(body);
  const outcome = await port.putIfAbsent(blob.location, body, { [CONTENT_HASH_KEY]: hash });
  if (outcome === 'created') return outcome;
  // Already there: from an earlier attempt of this run (same name, same text), or something else.
  const metadata = await port.metadataOf(blob.location);
  if (metadata[CONTENT_HASH_KEY] === hash) return 'exists';
  throw new StorageError({
    kind: 'exists-different',
    blobName: blob.location,
    message: `The container already holds a blob named ${blob.location} with other content. It was not overwritten.`,
  });
}

/**
 * Uploads every blob, `concurrency` at a time. The first failure stops new uploads; those in
 * flight end, then it is thrown. Returns how many were written and how many were there already.
 */
export async function uploadBlobs(
  port: BlobContainerPort,
  blobs: readonly BlobToUpload[],
  options: UploadOptions = {},
): Promise<{ created: number; existing: number }> {
  const { concurrency = DEFAULT_BLOBS_IN_FLIGHT, signal, onUploaded } = options;
  let next = 0;
  let failure: Error | undefined;
  const counts = { created: 0, existing: 0 };
  const worker = async () => {
    while (failure === undefined && next < blobs.length) {
      signal?.throwIfAborted();
      const blob = blobs[next++];
      if (!blob) break;
      try {
        const outcome = await uploadOne(port, blob);
        if (outcome === 'created') counts.created += 1;
        else counts.existing += 1;
        onUploaded?.(blob.location, outcome);
      } catch (error) {
        failure ??= error instanceof Error ? error : classifyStorageFailure(error);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, blobs.length)) }, worker),
  );
  if (failure !== undefined) throw failure;
  signal?.throwIfAborted();
  return counts;
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message: string;
}

function isRestErrorLike(error: unknown): error is RestErrorLike {
  return error instanceof Error && ('statusCode' in error || 'code' in error);
}

/** What a storage failure is, from the SDK's RestError (or a fetch failure). */
export function classifyStorageFailure(error: unknown, blobName?: string): StorageError {
  if (error instanceof StorageError) return error;
  const rest = isRestErrorLike(error) ? error : undefined;
  const status = rest?.statusCode;
  const code = rest?.code;
  const base = {
    ...(status !== undefined ? { status } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(blobName !== undefined ? { blobName } : {}),
  };
  const message = error instanceof Error ? error.message : String(error);
  if (status === undefined && (code === 'REQUEST_SEND_ERROR' || error instanceof TypeError)) {
    return new StorageError({ ...base, kind: 'blocked', message });
  }
  if (status === 404 && (code === 'ContainerNotFound' || code === undefined)) {
    return new StorageError({ ...base, kind: 'container-missing', message });
  }
  if (status === 403 || status === 401)
    return new StorageError({ ...base, kind: 'forbidden', message });
  return new StorageError({ ...base, kind: 'other', message });
}

const ALREADY_THERE = new Set([409, 412]);

/**
 * The container a SAS URL names, through `@azure/storage-blob`, loaded now and not before. The
 * SAS URL lives in the returned object only (memory), like the key.
 */
export async function openSasContainer(sasUrl: string): Promise<BlobContainerPort> {
  const { AnonymousCredential, ContainerClient } = await import('@azure/storage-blob');
  const container = new ContainerClient(sasUrl, new AnonymousCredential(), {
    retryOptions: { maxTries: 3 },
  });
  // Every blob request passes the same gate as the service's (the demo's worker wakes for it).
  const gated = async <T>(send: () => Promise<T>): Promise<T> => {
    const answered = await requestGate()(new URL(sasUrl));
    try {
      return await send();
    } finally {
      answered?.();
    }
  };
  return {
    putIfAbsent: (name, body, metadata) =>
      gated(async () => {
        try {
          await container.getBlockBlobClient(name).upload(body, body.byteLength, {
            conditions: { ifNoneMatch: '*' },
            metadata,
            blobHTTPHeaders: { blobContentType: 'text/plain; charset=utf-8' },
          });
          return 'created';
        } catch (error) {
          if (isRestErrorLike(error) && ALREADY_THERE.has(error.statusCode ?? 0)) return 'exists';
          throw classifyStorageFailure(error, name);
        }
      }),
    metadataOf: (name) =>
      gated(async () => {
        try {
          return (await container.getBlockBlobClient(name).getProperties()).metadata ?? {};
        } catch (error) {
          throw classifyStorageFailure(error, name);
        }
      }),
  };
}
