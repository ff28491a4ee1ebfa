import { coalescedFlush } from '../../../lib/coalesced-flush';
import type { DocumentResult } from '../../../service/model';
import { systemClock } from '../engine/clock';
import type { FinishedResults } from '../engine/run-live';
import type { RunDocument, RunJob, RunResult } from '../store/run-model';
import { EMIT_EVERY_MS, emitEvery } from './run-results-pace';
import { runsFeedOf } from '../store/runs-feed';
import type { RunsRepository } from '../store/runs-repository';

/** One document of the run with its result: what the results view and the exports show of it. */
export interface RunResultItem {
  /** Input order, from 0: unique in the run, where a hostile service may repeat an id. */
  index: number;
  result: DocumentResult;
  /** The text that was sent. */
  text: string;
  /** Gold label(s) from the import, as written. */
  labels?: string[];
  /** The document's own language, when its file gave one. */
  language?: string;
  /** The file's other columns or fields, by name. */
  metadata?: Record<string, string>;
}

/**
 * A run's results for the page, in input order, kept current as jobs finish. It reads only the
 * results (and texts) of jobs it has not read yet, so a 100,000-document run is never read whole
 * twice and only documents with a result are held; an item keeps its object once read. A new list
 * is handed out at most once per `everyMs` (longer for big runs, see run-results-pace.ts) while
 * results keep coming, since each new list re-indexes the results table.
 */
export interface RunResultsFeed {
  subscribe: (listener: () => void) => () => void;
  /** Undefined until the first read. */
  getSnapshot: () => RunResultItem[] | undefined;
}

function toDocumentResult({
  id,
  classes,
  detectedLanguage,
  warnings,
  error,
  problems,
}: Omit<RunResult, 'runId'>): DocumentResult {
  return {
    id,
    ...(detectedLanguage ? { detectedLanguage } : {}),
    classes,
    warnings,
    ...(error ? { error } : {}),
    ...(problems && problems.length > 0 ? { problems } : {}),
  };
}

function toItem(row: Omit<RunResult, 'runId'>, document: RunDocument | undefined): RunResultItem {
  return {
    index: row.index,
    result: toDocumentResult(row),
    text: document?.text ?? '',
    ...(document?.labels ? { labels: document.labels } : {}),
    ...(document?.language ? { language: document.language } : {}),
    ...(document?.metadata ? { metadata: document.metadata } : {}),
  };
}

/** Where a live run's results come from the moment they arrive (the run's runner, in memory). */
export interface LiveResultsSource {
  onFinished: (runId: string, listener: (finished: FinishedResults) => void) => () => void;
}

export function createRunResultsFeed(
  repository: RunsRepository,
  runId: string,
  live?: LiveResultsSource,
  everyMs = EMIT_EVERY_MS,
): RunResultsFeed {
  const runs = runsFeedOf(repository);
  const listeners = new Set<() => void>();
  const byIndex: (RunResultItem | undefined)[] = [];
  let held = 0;
  /** Job index -> when it finished, for the jobs whose results are read. */
  const read = new Map<number, number | undefined>();
  let snapshot: RunResultItem[] | undefined;
  let emittedAt = 0;
  let unsubscribeRuns: (() => void) | undefined;
  let seenJobs: RunJob[] | undefined;
  let reading = Promise.resolve();

  const emission = coalescedFlush(() => {
    emittedAt = systemClock.now();
    const list: RunResultItem[] = [];
    for (const item of byIndex) if (item) list.push(item);
    snapshot = list;
    for (const listener of listeners) listener();
  }, systemClock);

  /**
   * A list after a quiet spell goes out in a microtask: in the task its results came in, so React
   * renders them with the job's new state (one render), and once for all that task placed.
   */
  const scheduleEmit = () =>
    emission.schedule(
      snapshot === undefined ? 0 : emittedAt + emitEvery(everyMs, held) - systemClock.now(),
    );

  const place = (index: number, item: RunResultItem | undefined) => {
    if (byIndex[index] !== undefined) held -= 1;
    if (item !== undefined) held += 1;
    byIndex[index] = item;
  };

  /** A job's results as items, each with its document's text, labels and fields. */
  const placeResults = (
    rows: readonly Omit<RunResult, 'runId'>[],
    documents: readonly RunDocument[],
  ) => {
    const documentAt = new Map(documents.map((document) => [document.index, document]));
    for (const row of rows) place(row.index, toItem(row, documentAt.get(row.index)));
  };

  const readNew = async (jobs: readonly RunJob[]) => {
    const fresh = jobs.filter(
      (job) =>
        job.state === 'finished' &&
        (!read.has(job.index) || read.get(job.index) !== job.finishedAt),
    );
    for (const job of fresh) {
      read.set(job.index, job.finishedAt);
      // A job sent again replaces its results: clear what it had.
      for (const index of job.documentIndexes) place(index, undefined);
      const rows = await repository.results(runId, job.documentIndexes);
      const documents = await repository.documents(
        runId,
        rows.map((row) => row.index),
      );
      placeResults(rows, documents);
    }
    if (fresh.length > 0 || snapshot === undefined) scheduleEmit();
  };

  /** A job's results from its runner, before storage has them: shown now, never read again. */
  const onFinished = ({ job, results, documents }: FinishedResults) => {
    read.set(job.index, job.finishedAt);
    for (const index of job.documentIndexes) place(index, undefined);
    placeResults(results, documents);
    scheduleEmit();
  };
  let unsubscribeLive: (() => void) | undefined;

  const onRuns = () => {
    const rows = runs.getSnapshot();
    if (!rows) return;
    const jobs = rows.find((row) => row.run.id === runId)?.jobs ?? [];
    if (jobs === seenJobs) return;
    seenJobs = jobs;
    // One read at a time, in order: a later list of jobs waits for the earlier read.
    reading = reading.then(() => readNew(jobs)).catch(() => undefined);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribeRuns) {
        unsubscribeLive = live?.onFinished(runId, onFinished);
        unsubscribeRuns = runs.subscribe(onRuns);
        onRuns();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribeRuns?.();
          unsubscribeRuns = undefined;
          unsubscribeLive?.();
          unsubscribeLive = undefined;
          seenJobs = undefined;
          emission.cancel();
          read.clear();
          byIndex.length = 0;
          held = 0;
          snapshot = undefined;
        }
      };
    },
    getSnapshot: () => snapshot,
  };
}
