import { selectFiles } from './build-import';
import { DOCUMENTS_PER_MESSAGE, importRequest, type ImportReply } from './import-messages';
import { readImport } from './read-sources';
import type { ColumnChoice } from './table-documents';

const PROGRESS_EVERY_MS = 100;

function reply(message: ImportReply) {
  self.postMessage(message);
}

function progressReporter(total: number) {
  let loaded = 0;
  let lastSent = 0;
  return (bytes: number) => {
    loaded += bytes;
    const now = performance.now();
    if (now - lastSent < PROGRESS_EVERY_MS && loaded < total) return;
    lastSent = now;
    reply({ type: 'progress', loaded, total });
  };
}

async function importAll(files: File[], choice: ColumnChoice | undefined) {
  const onBytes = progressReporter(
    selectFiles(files).accepted.reduce((sum, file) => sum + file.size, 0),
  );
  // Documents too long for the service are left out here, in the worker: their text never
  // reaches the page.
  const result = await readImport(files, choice, onBytes);
  const { documents } = result.imported;
  for (let start = 0; start < documents.length; start += DOCUMENTS_PER_MESSAGE)
    reply({ type: 'documents', documents: documents.slice(start, start + DOCUMENTS_PER_MESSAGE) });
  reply({ type: 'done', result: { ...result, imported: { ...result.imported, documents: [] } } });
}

const received: File[] = [];

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = importRequest.safeParse(event.data);
  if (!request.success) {
    reply({ type: 'failed', message: 'The import worker got a request it does not understand.' });
    return;
  }
  if (request.data.type === 'files') {
    for (const file of request.data.files) received.push(file);
    return;
  }
  importAll(received, request.data.choice).catch((error: unknown) => {
    reply({
      type: 'failed',
      message: `The files could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  });
});
