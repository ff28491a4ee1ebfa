import { liveQuery, type Subscription } from 'dexie';
import type { DocumentResult } from '../../service/model';
import type { RunResult } from './run-model';
import type { RunsRepository } from './runs-repository';

/**
 * A run's results for the page, in input order, kept current as jobs finish. It reads only the
 * results of jobs it has not read yet (a 100,000-document run is never read whole twice), and hands
 * out a new list at most once per `everyMs` while results keep coming, since each new list
 * re-indexes the results table.
 */
export interface RunResultsFeed {
  subscribe: (listener: () => void) => () => void;
  /** Undefined until the first read. */
  getSnapshot: () => DocumentResult[] | undefined;
}

function toDocumentResult({ id, classes, warnings, error, problems }: RunResult): DocumentResult {
  return {
    id,
    classes,
    warnings,
    ...(error ? { error } : {}),
    ...(problems && problems.length > 0 ? { problems } : {}),
  };
}

export function createRunResultsFeed(
  repository: RunsRepository,
  runId: string,
  everyMs = 1_000,
): RunResultsFeed {
  const listeners = new Set<() => void>();
  const byIndex: (DocumentResult | undefined)[] = [];
  /** Job index -> when it finished, for the jobs whose results are read. */
  const read = new Map<number, number | undefined>();
  let snapshot: DocumentResult[] | undefined;
  let emittedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscription: Subscription | undefined;
  let reading = Promise.resolve();

  const emit = () => {
    timer = undefined;
    emittedAt = Date.now();
    const list: DocumentResult[] = [];
    for (const result of byIndex) if (result) list.push(result);
    snapshot = list;
    for (const listener of listeners) listener();
  };

  const scheduleEmit = () => {
    if (timer) return;
    const wait = snapshot === undefined ? 0 : Math.max(0, emittedAt + everyMs - Date.now());
    timer = setTimeout(emit, wait);
  };

  const readNew = async (jobs: Awaited<ReturnType<RunsRepository['jobs']>>) => {
    const fresh = jobs.filter(
      (job) =>
        job.state === 'finished' &&
        (!read.has(job.index) || read.get(job.index) !== job.finishedAt),
    );
    for (const job of fresh) {
      read.set(job.index, job.finishedAt);
      // A job sent again replaces its results: clear what it had.
      for (const index of job.documentIndexes) byIndex[index] = undefined;
      for (const row of await repository.results(runId, job.documentIndexes)) {
        byIndex[row.index] = toDocumentResult(row);
      }
    }
    if (fresh.length > 0 || snapshot === undefined) scheduleEmit();
  };

  const start = () => {
    subscription = liveQuery(() => repository.jobs(runId)).subscribe({
      next: (jobs) => {
        // One read at a time, in order: a later list of jobs waits for the earlier read.
        reading = reading.then(() => readNew(jobs)).catch(() => undefined);
      },
    });
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!subscription) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          subscription?.unsubscribe();
          subscription = undefined;
          if (timer) clearTimeout(timer);
          timer = undefined;
          read.clear();
          byIndex.length = 0;
          snapshot = undefined;
        }
      };
    },
    getSnapshot: () => snapshot,
  };
}
