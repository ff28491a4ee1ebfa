import { Dexie } from 'dexie';
import type { BatchPlan } from '../../service/batching';
import type { InputDocument } from '../../service/model';
import type {
  Run,
  RunCorrection,
  RunDocument,
  RunIntent,
  RunJob,
  RunResult,
  RunSettings,
} from './run-model';
import { RunsDatabase } from './runs-db';
import { isStorageFull } from '../../lib/storage-full';

/**
 * The one module that reads and writes runs. Everything else asks it, through queries or a
 * subscription (use-runs.ts), so IndexedDB is the single owner of a run's facts.
 */

export type RunInputDocument = InputDocument & {
  labels?: string[];
  metadata?: Record<string, string>;
};

export interface NewRun {
  settings: RunSettings;
  documents: RunInputDocument[];
  plan: BatchPlan;
  source: string;
}

/** Writing many rows in one transaction blocks the page; these many keep each write short. */
const WRITE_CHUNK = 2_000;

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

const range = (runId: string) =>
  [
    [runId, Dexie.minKey],
    [runId, Dexie.maxKey],
  ] as const;

export function defaultRunName(settings: RunSettings, documentCount: number): string {
  if (settings.jobName) return settings.jobName;
  const model = settings.apiVersion.startsWith('v')
    ? settings.modelId.replace(/_(Single|Multi)Classification_latest$/, '')
    : `${settings.projectName}/${settings.deploymentName}`;
  return `${model} · ${documentCount.toLocaleString('en-US')} doc${documentCount === 1 ? '' : 's'}`;
}

export interface RunsRepository {
  create: (input: NewRun) => Promise<Run>;
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
  updateJob: (runId: string, index: number, patch: Partial<RunJob>) => Promise<void>;
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
  remove: (runId: string) => Promise<void>;
  db: RunsDatabase;
}

export function createRunsRepository(db = new RunsDatabase()): RunsRepository {
  return {
    db,
    async create({ settings, documents, plan, source }) {
      const runId = crypto.randomUUID();
      const indexById = new Map<string, number>();
      documents.forEach((document, index) => indexById.set(document.id, index));
      const jobs: RunJob[] = plan.jobs.map((jobDocuments, index) => {
        const documentIndexes = jobDocuments.map((document) => indexById.get(document.id) ?? -1);
        return {
          runId,
          index,
          documentIndexes,
          firstId: jobDocuments[0]?.id ?? '',
          lastId: jobDocuments.at(-1)?.id ?? '',
          characters: jobDocuments.reduce((sum, document) => sum + document.text.length, 0),
          state: 'queued',
        };
      });
      const run: Run = {
        id: runId,
        createdAt: Date.now(),
        name: defaultRunName(settings, documents.length),
        settings,
        documentCount: documents.length,
        labelled: documents.some((document) => document.labels && document.labels.length > 0),
        source,
        oversized: plan.oversized,
        intent: 'run',
      };
      await guarded(async () => {
        try {
          // Documents first, in chunks; the run appears (in one transaction with its jobs) once they are all in.
          for (let start = 0; start < documents.length; start += WRITE_CHUNK) {
            const rows: RunDocument[] = [];
            for (
              let index = start;
              index < Math.min(documents.length, start + WRITE_CHUNK);
              index++
            ) {
              const document = documents[index];
              if (!document) continue;
              rows.push({
                runId,
                index,
                id: document.id,
                text: document.text,
                ...(document.language ? { language: document.language } : {}),
                ...(document.labels && document.labels.length > 0
                  ? { labels: document.labels }
                  : {}),
                ...(document.metadata ? { metadata: document.metadata } : {}),
              });
            }
            await db.documents.bulkPut(rows);
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
      });
      return run;
    },
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
      guarded(async () => {
        await db.jobs.update([runId, index], patch);
      }),
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
    remove: (runId) =>
      db.transaction(
        'rw',
        [db.runs, db.documents, db.jobs, db.results, db.corrections],
        async () => {
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
        },
      ),
  };
}

/**
 * Erase all data on this device: the runs' database is deleted (this page's connection, when
 * given, closes for good first; other tabs' connections close as Dexie's do on a deletion).
 */
export async function eraseRuns(repository?: RunsRepository): Promise<void> {
  await (repository?.db ?? new RunsDatabase()).delete();
}
