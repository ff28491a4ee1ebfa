import { buildImport, selectFiles, sourceKind, type ImportSource } from './build-import';
import { createDelimitedParser, guessDelimiter } from './delimited';
import { DOCUMENTS_PER_MESSAGE, importRequest, type ImportReply } from './import-messages';
import type { ColumnChoice } from './table-documents';

const PROGRESS_EVERY_MS = 100;
const READ_AT_ONCE = 32;

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

/** Decodes the file chunk by chunk, handing each piece on, so a large file never blocks in one go. */
async function streamText(
  file: File,
  onChunk: (text: string) => void,
  onBytes: (bytes: number) => void,
): Promise<boolean> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let undecodable = false;
  const hand = (text: string) => {
    if (text.includes('\uFFFD')) undecodable = true;
    if (text) onChunk(text);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onBytes(value.byteLength);
    hand(decoder.decode(value, { stream: true }));
  }
  hand(decoder.decode());
  return undecodable;
}

async function readSource(file: File, onBytes: (bytes: number) => void): Promise<ImportSource> {
  const kind = sourceKind(file.name);
  if (kind === 'table') {
    let parser: ReturnType<typeof createDelimitedParser> | undefined;
    const undecodable = await streamText(
      file,
      (text) => {
        parser ??= createDelimitedParser(guessDelimiter(file.name, text.split('\n', 1)[0] ?? ''));
        parser.push(text);
      },
      onBytes,
    );
    const table = parser?.end() ?? { columns: [], rows: [] };
    return { name: file.name, kind, table, undecodable };
  }
  const chunks: string[] = [];
  const undecodable = await streamText(file, (text) => chunks.push(text), onBytes);
  return {
    name: file.name,
    kind: kind === 'json' ? 'json' : 'text',
    text: chunks.join(''),
    undecodable,
  };
}

async function importAll(files: File[], choice: ColumnChoice | undefined) {
  // Sizes are checked before reading: a file too large is never read, so it cannot crash the tab.
  const { accepted, skipped, problems } = selectFiles(files);
  const onBytes = progressReporter(accepted.reduce((sum, file) => sum + file.size, 0));
  const sources: ImportSource[] = [];
  // A few at a time: thousands of small .txt files read one by one would crawl.
  for (let start = 0; start < accepted.length; start += READ_AT_ONCE) {
    const group = accepted.slice(start, start + READ_AT_ONCE);
    for (const source of await Promise.all(group.map((file) => readSource(file, onBytes))))
      sources.push(source);
  }
  // Documents too long for the service are left out here, in the worker: their text never
  // reaches the page.
  const result = buildImport(sources, skipped, choice, problems);
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
