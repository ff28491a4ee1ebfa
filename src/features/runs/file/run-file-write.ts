import type {
  Run,
  RunCorrection,
  RunDocument,
  RunJob,
  RunResult,
  RunSettings,
} from '../store/run-model';
import {
  GZIP_FROM_BYTES,
  RUN_FILE_FORMAT,
  RUN_FILE_LIMITS,
  RUN_FILE_VERSION,
} from './run-file-limits';
import type { RunFileWire } from './run-file-schema';
import { formatBytes } from '../../../lib/format';

/** What a run file is written from: the stored run, its documents a slice at a time. */
export interface RunFileSource {
  run: Run;
  jobs: readonly RunJob[];
  results: readonly RunResult[];
  corrections: readonly RunCorrection[];
  /** In input order; a big run's documents are read and written a slice at a time. */
  documents: AsyncIterable<readonly RunDocument[]>;
}

export interface WrittenRunFile {
  blob: Blob;
  fileName: string;
  gzipped: boolean;
}

export class RunFileTooLargeError extends Error {
  constructor(bytes: number, limit: number) {
    super(
      `This run is too large for a run file: ${formatBytes(bytes)} as JSON, and a run file can hold at most ${formatBytes(limit)}.`,
    );
    this.name = 'RunFileTooLargeError';
  }
}

type Wire<K extends 'documents' | 'jobs' | 'results' | 'corrections'> = RunFileWire[K][number];

const iso = (ms: number) => new Date(ms).toISOString();

/** The settings by name: whatever else the object carries (a key, say) stays out of the file. */
function settingsOf(settings: RunSettings): RunFileWire['run']['settings'] {
  return {
    endpoint: settings.endpoint,
    resourceEndpoint: settings.resourceEndpoint,
    useProxy: settings.useProxy,
    apiVersion: settings.apiVersion,
    labelMode: settings.labelMode,
    projectName: settings.projectName,
    deploymentName: settings.deploymentName,
    modelId: settings.modelId,
    language: settings.language,
    jobName: settings.jobName,
  };
}

function runOf(run: Run): RunFileWire['run'] {
  return {
    id: run.id,
    name: run.name,
    createdAt: iso(run.createdAt),
    source: run.source,
    intent: run.intent,
    threshold: run.threshold,
    settings: settingsOf(run.settings),
    oversized: run.oversized.map(({ id, characters }) => ({ id, characters })),
  };
}

function documentOf({ id, text, language, labels, metadata }: RunDocument): Wire<'documents'> {
  return { id, text, language, labels, metadata };
}

/** A job without its URL: that is the address as the exporting browser called it (maybe its proxy). */
function jobOf(job: RunJob): Wire<'jobs'> {
  return {
    index: job.index,
    documentIndexes: job.documentIndexes,
    firstId: job.firstId,
    lastId: job.lastId,
    characters: job.characters,
    state: job.state,
    jobId: job.jobId,
    status: job.status,
    outcome: job.outcome,
    submittedAt: job.submittedAt === undefined ? undefined : iso(job.submittedAt),
    finishedAt: job.finishedAt === undefined ? undefined : iso(job.finishedAt),
    serviceDurationMs: job.serviceDurationMs,
    error: job.error,
    resultsCut: job.resultsCut,
    failure: job.failure,
    failedDocuments: job.failedDocuments,
  };
}

function resultOf(result: RunResult): Wire<'results'> {
  const { index, id, classes, detectedLanguage, warnings, error, problems } = result;
  return { index, id, classes, detectedLanguage, warnings, error, problems };
}

function correctionOf({ index, id, labels }: RunCorrection): Wire<'corrections'> {
  return { index, id, labels };
}

/** `list` as the members of a JSON array, one per line, in pieces of a few hundred. */
function* members<T>(items: readonly T[], wire: (item: T) => unknown, first: boolean) {
  const PIECE = 500;
  for (let start = 0; start < items.length; start += PIECE) {
    const piece = items.slice(start, start + PIECE).map((item) => JSON.stringify(wire(item)));
    yield (first && start === 0 ? '\n' : ',\n') + piece.join(',\n');
  }
}

/** A name the file systems people use all accept: no separators or reserved characters. */
export function runFileBaseName(runName: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = runName.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-');
  const trimmed = safe.replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 100).trim();
  return trimmed === '' ? 'run' : trimmed;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes the run file: JSON with one document, job, result or correction per line (a person can
 * read a small one; a diff shows what changed), gzipped once it is big enough for that to pay off.
 * The text is built as Blob parts, so no one string grows with the run.
 */
export async function writeRunFile(
  source: RunFileSource,
  { now = Date.now(), limits = RUN_FILE_LIMITS } = {},
): Promise<WrittenRunFile> {
  const parts: Blob[] = [];
  let bytes = 0;
  const add = (text: string) => {
    const part = new Blob([text]);
    bytes += part.size;
    if (bytes > limits.maxTextBytes) throw new RunFileTooLargeError(bytes, limits.maxTextBytes);
    parts.push(part);
  };
  const head = JSON.stringify({
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    exportedAt: iso(now),
    run: runOf(source.run),
  } satisfies Omit<RunFileWire, 'documents' | 'jobs' | 'results' | 'corrections'>);
  add(`${head.slice(0, -1)},\n"documents": [`);
  let first = true;
  for await (const slice of source.documents) {
    for (const piece of members(slice, documentOf, first)) add(piece);
    if (slice.length > 0) first = false;
    // Let the page breathe between slices of a big run.
    await nextTask();
  }
  add('\n],\n"jobs": [');
  for (const piece of members(source.jobs, jobOf, true)) add(piece);
  add('\n],\n"results": [');
  for (const piece of members(source.results, resultOf, true)) add(piece);
  add('\n],\n"corrections": [');
  for (const piece of members(source.corrections, correctionOf, true)) add(piece);
  add('\n]}\n');

  const json = new Blob(parts, { type: 'application/json' });
  const base = `${runFileBaseName(source.run.name)}.classify-run.json`;
  if (json.size < GZIP_FROM_BYTES) return { blob: json, fileName: base, gzipped: false };
  const gzipped = json.stream().pipeThrough(new CompressionStream('gzip'));
  const blob = new Blob([await new Response(gzipped).arrayBuffer()], { type: 'application/gzip' });
  return { blob, fileName: `${base}.gz`, gzipped: true };
}
