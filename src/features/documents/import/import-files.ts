import type { ImportResult } from './build-import';
import type { ImportedDocument } from './imported-documents';
import { FILES_PER_MESSAGE, type ImportReply, type ImportRequest } from './import-messages';
import type { ColumnChoice } from './table-documents';

export interface ImportOptions {
  /** For a CSV or TSV file; without it the columns are guessed from the header. */
  choice?: ColumnChoice;
  signal?: AbortSignal;
  /** Bytes read so far, out of all the files' size. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * Our own worker's replies, checked shallowly: parsing ten thousand documents again here would
 * cost the main thread what the worker saved it.
 */
function isReply(value: unknown): value is ImportReply {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    (value.type === 'progress' ||
      value.type === 'documents' ||
      value.type === 'done' ||
      value.type === 'failed')
  );
}

/** Reads and parses the files in a worker, so even a large file leaves the page responsive. */
export function importFiles(files: File[], options: ImportOptions = {}): Promise<ImportResult> {
  const { choice, signal, onProgress } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The import was cancelled.', 'AbortError'));
      return;
    }
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(new DOMException('The import was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const documents: ImportedDocument[] = [];
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = event.data;
      if (!isReply(reply)) return;
      if (reply.type === 'progress') {
        onProgress?.(reply.loaded, reply.total);
        return;
      }
      if (reply.type === 'documents') {
        for (const document of reply.documents) documents.push(document);
        return;
      }
      stop();
      if (reply.type === 'failed') reject(new Error(reply.message));
      else resolve({ ...reply.result, imported: { ...reply.result.imported, documents } });
    });
    worker.addEventListener('error', (event) => {
      stop();
      reject(new Error(event.message || 'The import worker stopped unexpectedly.'));
    });
    void sendFiles(worker, files, choice, signal);
  });
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A group of files per task: each File costs the sending thread a fraction of a millisecond. */
async function sendFiles(
  worker: Worker,
  files: File[],
  choice: ColumnChoice | undefined,
  signal: AbortSignal | undefined,
) {
  for (let start = 0; start < files.length; start += FILES_PER_MESSAGE) {
    if (start > 0) await nextTask();
    if (signal?.aborted) return;
    const request: ImportRequest = {
      type: 'files',
      files: files.slice(start, start + FILES_PER_MESSAGE),
    };
    worker.postMessage(request);
  }
  const start: ImportRequest = { type: 'start', ...(choice ? { choice } : {}) };
  worker.postMessage(start);
}
