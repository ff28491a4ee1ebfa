import type { z } from 'zod';
import { JsonShapeError, JsonShapeScanner } from './json-shape';
import {
  RUN_FILE_FORMAT,
  RUN_FILE_LIMITS,
  RUN_FILE_VERSION,
  type RunFileLimits,
} from './run-file-limits';
import { runFileHeaderSchema, runFileSchema, type RunFile } from './run-file-schema';
import { formatBytes } from '../../../lib/format';

/** Why a file is not imported, in words for the person who chose it. */
export class RunFileRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFileRefusal';
  }
}

/** What is read of a file: a browser File, or a Blob (Node's `fs.openAsBlob`, say). */
export type RunFileInput = Pick<Blob, 'size' | 'slice' | 'stream'>;

const count = (value: number) => value.toLocaleString('en-US');

/** The lists a run file has: a name a hostile file chose (`constructor`, say) is not repeated. */
const TOP_NAMES = new Set(['documents', 'jobs', 'results', 'corrections']);

function shapeRefusal(error: JsonShapeError): RunFileRefusal {
  const { problem } = error;
  if (problem.kind === 'too-deep')
    return new RunFileRefusal('The file nests lists and objects deeper than a run file does.');
  const what =
    problem.key !== undefined && TOP_NAMES.has(problem.key) ? problem.key : 'entries in one list';
  return new RunFileRefusal(
    problem.top
      ? `The file holds more than ${count(problem.limit)} ${what}; a run file can hold at most ${count(problem.limit)}.`
      : `The file has a list or object of more than ${count(problem.limit)} entries, more than any part of a run has.`,
  );
}

/**
 * The file's JSON text: gunzipped if it starts like gzip, and refused as soon as it is too big or
 * too many things, while it streams in, before anything is built from it.
 */
async function readText(file: RunFileInput, limits: RunFileLimits): Promise<string> {
  if (file.size === 0) throw new RunFileRefusal('The file is empty.');
  if (file.size > limits.maxFileBytes) {
    throw new RunFileRefusal(
      `The file is ${formatBytes(file.size)}; a run file can be at most ${formatBytes(limits.maxFileBytes)}.`,
    );
  }
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const bytes = gzipped
    ? file.stream().pipeThrough(new DecompressionStream('gzip'))
    : file.stream();
  const reader = bytes.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scanner = new JsonShapeScanner({
    maxDepth: limits.maxDepth,
    maxTopEntries: limits.maxDocuments,
    maxInnerEntries: limits.maxInnerEntries,
  });
  const texts: string[] = [];
  let total = 0;
  const take = (text: string) => {
    scanner.feed(text);
    texts.push(text);
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new RunFileRefusal(
          gzipped
            ? 'The file starts like gzip but cannot be unpacked: it is damaged or cut short.'
            : 'The file could not be read.',
        );
      }
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (total > limits.maxTextBytes) {
        throw new RunFileRefusal(
          `Unpacked, the file is over ${formatBytes(limits.maxTextBytes)}; a run file can be at most ${formatBytes(limits.maxTextBytes)}.`,
        );
      }
      take(decode(decoder, chunk.value));
    }
    take(decode(decoder));
  } catch (error) {
    // Stops the reading (and the unpacking) where it is.
    await reader.cancel().catch(() => undefined);
    if (error instanceof JsonShapeError) throw shapeRefusal(error);
    throw error;
  }
  return texts.join('');
}

function decode(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    throw new RunFileRefusal('The file is not UTF-8 text, so it is not a run file.');
  }
}

function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : `${text}${text ? '.' : ''}${String(part)}`,
    '',
  );
}

function schemaRefusal(error: z.ZodError): RunFileRefusal {
  const [first] = error.issues;
  const others = error.issues.length - 1;
  const more = others > 0 ? ` (and ${count(others)} more problem${others === 1 ? '' : 's'})` : '';
  const place = first ? where(first.path) : '';
  return new RunFileRefusal(
    `The run file is damaged: ${place ? `${place}: ` : ''}${first?.message ?? 'unreadable'}${more}.`,
  );
}

/** What the types cannot say: every row points at a document the file has, once. */
function crossCheck(file: RunFile): void {
  const documents = file.documents;
  const seen = new Set<string>();
  documents.forEach(({ id }, index) => {
    if (seen.has(id))
      throw new RunFileRefusal(
        `The run file is damaged: documents[${index}]: the id "${id}" is used twice.`,
      );
    seen.add(id);
  });
  file.jobs.forEach((job, at) => {
    if (job.index !== at)
      throw new RunFileRefusal(`The run file is damaged: jobs[${at}] has index ${job.index}.`);
    const missing = job.documentIndexes.find((index) => index >= documents.length);
    if (missing !== undefined)
      throw new RunFileRefusal(
        `The run file is damaged: jobs[${at}] carries document ${missing}, which the file does not have.`,
      );
  });
  for (const [list, rows] of [
    ['results', file.results],
    ['corrections', file.corrections],
  ] as const) {
    const indexes = new Set<number>();
    rows.forEach((row, at) => {
      if (documents[row.index]?.id !== row.id || indexes.has(row.index))
        throw new RunFileRefusal(
          `The run file is damaged: ${list}[${at}] is for document ${row.index} "${row.id}", which the file does not have once.`,
        );
      indexes.add(row.index);
    });
  }
}

/**
 * Reads a run file (plain or gzipped JSON) and checks all of it. Throws RunFileRefusal, with the
 * reason in words, for anything that is not a whole, sound run file of a version this build reads.
 */
export async function readRunFile(
  file: RunFileInput,
  limits: RunFileLimits = RUN_FILE_LIMITS,
): Promise<RunFile> {
  const text = await readText(file, limits);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    throw new RunFileRefusal(`The file is not valid JSON${reason}.`);
  }
  const header = runFileHeaderSchema.safeParse(json);
  if (!header.success)
    throw new RunFileRefusal(
      `This is not a Classify Console run file: it does not say "format": "${RUN_FILE_FORMAT}" and its version.`,
    );
  const { version } = header.data;
  if (version !== RUN_FILE_VERSION) {
    throw new RunFileRefusal(
      Number.isInteger(version) && version > RUN_FILE_VERSION
        ? `This run file is format version ${version}, written by a newer Classify Console; this one reads version ${RUN_FILE_VERSION}.`
        : `This run file has an unknown format version (${String(version)}); this Classify Console reads version ${RUN_FILE_VERSION}.`,
    );
  }
  const parsed = runFileSchema.safeParse(json);
  if (!parsed.success) throw schemaRefusal(parsed.error);
  crossCheck(parsed.data);
  return parsed.data;
}
