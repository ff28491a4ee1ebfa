import { Dexie } from 'dexie';
import type { ImproveStep, ImproveStepRecord } from '../../../service/improvement-steps';
import type {
  Run,
  RunCorrection,
  RunImprovement,
  RunDocument,
  RunIntent,
  RunJob,
  RunResult,
  WholeRun,
} from './run-model';
import { RunsDatabase } from './runs-db';
import { newRunRows, type NewRun, type NewRunRows } from './new-run';
import { isStorageFull } from '../../../lib/storage-full';

/**
 * The one module that reads and writes runs. Everything else asks it, through queries or a
 * subscription (use-runs.ts), so IndexedDB is the single owner of a run's facts.
 */

/** Up to these many documents, a new run is stored in one transaction, and its first job leaves sooner. */
const ONE_WRITE_UP_TO = 2_000;
/**
 * Beyond, documents go in chunks: writing many rows in one request blocks the page while they are
 * cloned (2,000 documents made a task of ~100 ms, and 500 one of 50–56 ms on a 2-core machine);
 * these many keep each write near 20 ms.
 */
const WRITE_CHUNK = 200;

export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super(
      'The browser has no room left for this run. What was already saved is kept; delete old runs under Runs to make room.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isStorageFull(error) ? new StorageFullError(error) : error;
  }
}

/** No more requests will be made in this transaction: the browser may commit it at once. */
function commitNow(transaction: IDBTransaction): void {
  // Not every IndexedDB has commit() (older browsers, fake-indexeddb): they commit by themselves.
  if (typeof transaction.commit === 'function') transaction.commit();
}

const range = (runId: string) =>
  [
    [runId, Dexie.minKey],
    [runId, Dexie.maxKey],
  ] as const;

export interface RunsRepository {
  create: (input: NewRun) => Promise<Run>;
  /** Stores a run made by newRunRows(), which its runner then starts with, from memory. */
  insert: (rows: NewRunRows) => Promise<void>;
  list: () => Promise<Run[]>;
  get: (runId: string) => Promise<Run | undefined>;
  jobs: (runId: string) => Promise<RunJob[]>;
  /** Jobs `first` to `last` (their indexes, both included): a few changed ones, not all of them. */
  jobSlice: (runId: string, first: number, last: number) => Promise<RunJob[]>;
  documents: (runId: string, indexes?: number[]) => Promise<RunDocument[]>;
  /** Documents from `start` (input order), at most `count`: big runs are read in slices. */
  documentSlice: (runId: string, start: number, count: number) => Promise<RunDocument[]>;
  /** The run's results in input order; or only those of these document indexes. */
  results: (runId: string, indexes?: number[]) => Promise<RunResult[]>;
  /** Resolves `false` when the job is not stored (its run was deleted, in another tab say). */
  updateJob: (runId: string, index: number, patch: Partial<RunJob>) => Promise<boolean>;
  /** Finished jobs and their results, many at once: one transaction, however many results. */
  finishJobs: (
    runId: string,
    finished: { index: number; patch: Partial<RunJob>; results: Omit<RunResult, 'runId'>[] }[],
  ) => Promise<void>;
  setIntent: (runId: string, intent: RunIntent) => Promise<void>;
  setThreshold: (runId: string, threshold: number) => Promise<void>;
  corrections: (runId: string) => Promise<RunCorrection[]>;
  /** Sets a reviewer's labels for one document; none clears the correction. */
  setCorrection: (
    runId: string,
    index: number,
    id: string,
    labels: string[] | undefined,
  ) => Promise<void>;
  /** What improving the project from this run has done so far (#21). */
  improvement: (runId: string) => Promise<RunImprovement | undefined>;
  /** Saves one step, and the project files when given; the record is made on first use. */
  saveImprovement: (
    runId: string,
    patch: {
      step?: [ImproveStep, ImproveStepRecord];
      previousProject?: RunImprovement['previousProject'];
      importedProject?: unknown;
    },
  ) => Promise<void>;
  remove: (runId: string) => Promise<void>;
  /**
   * A run from a run file, stored whole in one transaction: it appears with all its rows or not
   * at all. `replace` removes the stored run of the same id first; without it, that id must be free.
   */
  importRun: (whole: WholeRun, replace: boolean) => Promise<void>;
  db: RunsDatabase;
}

export function createRunsRepository(db = new RunsDatabase()): RunsRepository {
  return {
    db,
    async create(input) {
      const rows = newRunRows(input);
      await this.insert(rows);
      return rows.run;
    },
    insert: ({ run, jobs, documents }) =>
      guarded(async () => {
        const runId = run.id;
        try {
          if (documents.length <= ONE_WRITE_UP_TO) {
            // One transaction: a small run is stored in one go, and its first job leaves sooner.
            // Its three writes are asked for together, not one after the other's answer: each
            // answer waits for a turn of the page's main thread, busy rendering the click.
            // And it commits as soon as they are done (commit()), rather than once the page has
            // been told of each of them.
            await db.transaction('rw', db.runs, db.jobs, db.documents, (transaction) => {
              const writes = Promise.all([
                db.documents.bulkPut(documents),
                db.jobs.bulkPut(jobs),
                db.runs.put(run),
              ]);
              commitNow(transaction.idbtrans);
              return writes;
            });
            return;
          }
          // Documents first, in chunks; the run appears (in one transaction with its jobs) once they are all in.
          for (let start = 0; start < documents.length; start += WRITE_CHUNK) {
            await db.documents.bulkPut(documents.slice(start, start + WRITE_CHUNK));
          }
          await db.transaction('rw', db.runs, db.jobs, async () => {
            await db.jobs.bulkPut(jobs);
            await db.runs.put(run);
          });
        } catch (error) {
          // A run that never appeared cannot be deleted under Runs: its documents must not stay behind.
          await db.documents
            .where('[runId+index]')
            .between(...range(runId), true, true)
            .delete()
            .catch(() => undefined);
          throw error;
        }
      }),
    list: () => db.runs.orderBy('createdAt').reverse().toArray(),
    get: (runId) => db.runs.get(runId),
    jobs: (runId) =>
      db.jobs
        .where('[runId+index]')
        .between(...range(runId), true, true)
        .toArray(),
    jobSlice: (runId, first, last) =>
      db.jobs.where('[runId+index]').between([runId, first], [runId, last], true, true).toArray(),
    async documents(runId, indexes) {
      if (!indexes) {
        return db.documents
          .where('[runId+index]')
          .between(...range(runId), true, true)
          .toArray();
      }
      const rows = await db.documents.bulkGet(indexes.map((index) => [runId, index]));
      return rows.filter((row): row is RunDocument => row !== undefined);
    },
    documentSlice: (runId, start, count) =>
      db.documents
        .where('[runId+index]')
        .between([runId, start], [runId, start + count], true, false)
        .toArray(),
    async results(runId, indexes) {
      if (!indexes) {
        return db.results
          .where('[runId+index]')
          .between(...range(runId), true, true)
          .toArray();
      }
      const rows = await db.results.bulkGet(indexes.map((index) => [runId, index]));
      return rows.filter((row): row is RunResult => row !== undefined);
    },
    updateJob: (runId, index, patch) =>
      guarded(async () => (await db.jobs.update([runId, index], patch)) > 0),
    finishJobs: (runId, finished) =>
      guarded(() =>
        db.transaction('rw', db.runs, db.jobs, db.results, async () => {
          // A run deleted meanwhile (a late flush) gets no orphan results.
          if ((await db.runs.get(runId)) === undefined) return;
          const rows: RunResult[] = [];
          for (const job of finished) {
            for (const result of job.results) rows.push({ ...result, runId });
          }
          await db.results.bulkPut(rows);
          for (const job of finished) await db.jobs.update([runId, job.index], job.patch);
        }),
      ),
    setIntent: (runId, intent) =>
      guarded(async () => {
        await db.runs.update(runId, { intent });
      }),
    setThreshold: (runId, threshold) =>
      guarded(async () => {
        await db.runs.update(runId, { threshold });
      }),
    corrections: (runId) =>
      db.corrections
        .where('[runId+index]')
        .between(...range(runId), true, true)
        .toArray(),
    setCorrection: (runId, index, id, labels) =>
      guarded(async () => {
        if (labels && labels.length > 0) await db.corrections.put({ runId, index, id, labels });
        else await db.corrections.delete([runId, index]);
      }),
    improvement: (runId) => db.improvements.get(runId),
    saveImprovement: (runId, patch) =>
      guarded(() =>
        db.transaction('rw', db.improvements, async () => {
          const current = (await db.improvements.get(runId)) ?? { runId, steps: {} };
          const steps = patch.step
            ? { ...current.steps, [patch.step[0]]: patch.step[1] }
            : current.steps;
          await db.improvements.put({
            ...current,
            steps,
            ...(patch.previousProject ? { previousProject: patch.previousProject } : {}),
            ...(patch.importedProject !== undefined
              ? { importedProject: patch.importedProject }
              : {}),
          });
        }),
      ),
    remove: (runId) =>
      db.transaction(
        'rw',
        [db.runs, db.documents, db.jobs, db.results, db.corrections, db.improvements],
        () => deleteRows(db, runId),
      ),
    importRun: ({ run, documents, jobs, results, corrections }, replace) =>
      guarded(() =>
        db.transaction(
          'rw',
          [db.runs, db.documents, db.jobs, db.results, db.corrections, db.improvements],
          async () => {
            if (replace) await deleteRows(db, run.id);
            // add(), not put(): a run of the same id stored meanwhile fails the import, whole.
            await db.runs.add(run);
            await db.documents.bulkAdd(documents);
            await db.jobs.bulkAdd(jobs);
            await db.results.bulkAdd(results);
            await db.corrections.bulkAdd(corrections);
          },
        ),
      ),
  };
}

/** Every row of one run; inside a transaction over all six tables. */
async function deleteRows(db: RunsDatabase, runId: string): Promise<void> {
  await db.improvements.delete(runId);
  await db.corrections
    .where('[runId+index]')
    .between(...range(runId), true, true)
    .delete();
  await db.runs.delete(runId);
  await db.documents
    .where('[runId+index]')
    .between(...range(runId), true, true)
    .delete();
  await db.jobs
    .where('[runId+index]')
    .between(...range(runId), true, true)
    .delete();
  await db.results
    .where('[runId+index]')
    .between(...range(runId), true, true)
    .delete();
}

/**
 * Erase all data on this device: the runs' database is deleted (this page's connection, when
 * given, closes for good first; other tabs' connections close as Dexie's do on a deletion).
 */
export async function eraseRuns(repository?: RunsRepository): Promise<void> {
  await (repository?.db ?? new RunsDatabase()).delete();
}
