import {
  buildImport,
  selectFiles,
  sourceKind,
  type ImportResult,
  type ImportSource,
} from './build-import';
import { createDelimitedParser, guessDelimiter } from './delimited';
import type { ColumnChoice } from './table-documents';

/** A file as both hosts have it: a browser File, or a Blob named after its path in Node. */
export interface ReadableFile {
  name: string;
  size: number;
  stream: () => ReadableStream<Uint8Array>;
}

const READ_AT_ONCE = 32;

/** Decodes the file chunk by chunk, handing each piece on, so a large file never blocks in one go. */
async function streamText(
  file: ReadableFile,
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

async function readSource(
  file: ReadableFile,
  onBytes: (bytes: number) => void,
): Promise<ImportSource> {
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

/**
 * Every file's documents, as the import dialog reads them (in its worker) and as the command line
 * does: sizes are checked before reading, so a file too large is never read.
 */
export async function readImport(
  files: ReadableFile[],
  choice: ColumnChoice | undefined,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<ImportResult> {
  const { accepted, skipped, problems } = selectFiles(files);
  const sources: ImportSource[] = [];
  // A few at a time: thousands of small .txt files read one by one would crawl.
  for (let start = 0; start < accepted.length; start += READ_AT_ONCE) {
    const group = accepted.slice(start, start + READ_AT_ONCE);
    for (const source of await Promise.all(group.map((file) => readSource(file, onBytes))))
      sources.push(source);
  }
  return buildImport(sources, skipped, choice, problems);
}
