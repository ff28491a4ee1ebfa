import '../../lib/zod-config';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Run, RunDocument, RunJob, RunResult } from '../../features/runs/store/run-model';
import { journalDocument, journalJob, journalResult, journalRun } from '../journal-entries';

/**
 * A run's facts in Redis, one owner for each: the run (settings, never the key), each job's
 * documents, each job's state (its URL once the service gave one) and each finished job's results.
 * What is read back is parsed with the journal's schemas: Redis is shared, and read like the network.
 * Every key lives 24 hours past its last write, as the service keeps a job's results.
 */
export const RETENTION_SECONDS = 24 * 60 * 60;

const keys = (runId: string) => ({
  run: `classify:run:${runId}`,
  documents: `classify:run:${runId}:documents`,
  jobs: `classify:run:${runId}:jobs`,
  results: `classify:run:${runId}:results`,
});

const documentsOfJob = z.array(journalDocument);
const resultsOfJob = z.array(journalResult);

function parsed<T>(schema: z.ZodType<T>, text: string | null, what: string): T {
  if (text === null)
    throw new Error(`Redis has no ${what}: the run expired (24 h) or was collected.`);
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success)
    throw new Error(`Redis holds a ${what} that is not one: ${result.error.message}`);
  return result.data;
}

export class RunStore {
  constructor(private readonly redis: Redis) {}

  /** A planned run, stored whole in one transaction: it appears with all its jobs or not at all. */
  async create(
    run: Run,
    jobs: readonly RunJob[],
    documents: readonly RunDocument[],
  ): Promise<void> {
    const key = keys(run.id);
    const multi = this.redis.multi().set(key.run, JSON.stringify(run), 'EX', RETENTION_SECONDS);
    for (const job of jobs) {
      const carried = job.documentIndexes.flatMap((index) => documents[index] ?? []);
      multi.hset(key.documents, String(job.index), JSON.stringify(carried));
      multi.hset(key.jobs, String(job.index), JSON.stringify(job));
    }
    multi.expire(key.documents, RETENTION_SECONDS).expire(key.jobs, RETENTION_SECONDS);
    await multi.exec();
  }

  async run(runId: string): Promise<Run | undefined> {
    const text = await this.redis.get(keys(runId).run);
    return text === null ? undefined : parsed(journalRun, text, 'run');
  }

  async job(runId: string, index: number): Promise<RunJob> {
    return parsed(
      journalJob,
      await this.redis.hget(keys(runId).jobs, String(index)),
      `job ${index}`,
    );
  }

  async documents(runId: string, index: number): Promise<RunDocument[]> {
    const text = await this.redis.hget(keys(runId).documents, String(index));
    return parsed(documentsOfJob, text, `documents of job ${index}`);
  }

  /** A job's new state, written whole (one HSET: never half of it). */
  async saveJob(job: RunJob): Promise<void> {
    const key = keys(job.runId);
    await this.redis
      .multi()
      .hset(key.jobs, String(job.index), JSON.stringify(job))
      .expire(key.jobs, RETENTION_SECONDS)
      .exec();
  }

  /** A finished job and its results, together. */
  async saveFinished(job: RunJob, results: readonly RunResult[]): Promise<void> {
    const key = keys(job.runId);
    await this.redis
      .multi()
      .hset(key.results, String(job.index), JSON.stringify(results))
      .hset(key.jobs, String(job.index), JSON.stringify(job))
      .expire(key.results, RETENTION_SECONDS)
      .expire(key.jobs, RETENTION_SECONDS)
      .expire(key.run, RETENTION_SECONDS)
      .expire(key.documents, RETENTION_SECONDS)
      .exec();
  }

  async jobs(runId: string): Promise<RunJob[]> {
    const all = await this.redis.hgetall(keys(runId).jobs);
    return Object.entries(all)
      .map(([index, text]) => parsed(journalJob, text, `job ${index}`))
      .sort((a, b) => a.index - b.index);
  }

  async allDocuments(runId: string): Promise<RunDocument[]> {
    const all = await this.redis.hgetall(keys(runId).documents);
    return Object.entries(all)
      .flatMap(([index, text]) => parsed(documentsOfJob, text, `documents of job ${index}`))
      .sort((a, b) => a.index - b.index);
  }

  async results(runId: string): Promise<RunResult[]> {
    const all = await this.redis.hgetall(keys(runId).results);
    return Object.entries(all)
      .flatMap(([index, text]) => parsed(resultsOfJob, text, `results of job ${index}`))
      .sort((a, b) => a.index - b.index);
  }

  close(): void {
    this.redis.disconnect();
  }

  /** Collected: the run leaves Redis. */
  async remove(runId: string): Promise<void> {
    const key = keys(runId);
    await this.redis.del(key.run, key.documents, key.jobs, key.results);
  }
}
