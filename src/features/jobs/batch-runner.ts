import type { QueryClient } from '@tanstack/react-query';
import type { BatchPlan } from '../../service/batching';
import { ServiceError } from '../../service/errors';
import { cancelJob, submitJob, type JobPoll } from '../../service/jobs';
import { isFinished, isSeedApi, type InputDocument, type JobInput } from '../../service/model';
import { getBatch, setBatch, updateBatch, updateBatchJob, type BatchJob } from './batch-store';
import { rememberJob } from './job-store';

/**
 * Sends a batch's jobs with bounded concurrency that adapts to throttling: it shrinks by a quarter
 * when the service answers 429 (and waits its Retry-After), and grows back by one as jobs finish. Polling is
 * React Query's (the batch panel's `useQueries`); the runner watches the query cache to know when a
 * job is done or throttled. Document texts stay in memory only.
 */

const START_CONCURRENCY = 4;
const MAX_CONCURRENCY = 12;
/** After a throttle, wait this long without one before growing again. */
const CALM_MS = 2_000;
/** A throttle takes a quarter of the concurrency away: halving starved the batch in measurements. */
const BACK_OFF = 0.75;
const MIN_CONCURRENCY = 2;
/** While the service has throttled lately, jobs poll this many times slower. */
const THROTTLED_POLL_SLOWDOWN = 2;
const THROTTLE_MEMORY_MS = 30_000;

interface Runner {
  client: QueryClient;
  base: Omit<JobInput, 'documents'>;
  key: string;
  texts: Map<number, InputDocument[]>;
  unsubscribe: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

let runner: Runner | undefined;

export const jobQueryKey = (jobUrl: string) => ['job', jobUrl] as const;

type Progress = 'running' | 'finished' | 'stalled';

function progressOf(client: QueryClient, jobUrl: string): Progress {
  const state = client.getQueryState<JobPoll>(jobQueryKey(jobUrl));
  if (state?.data && isFinished(state.data.snapshot.phase)) return 'finished';
  if (state?.status === 'error' && state.fetchStatus === 'idle') return 'stalled';
  return 'running';
}

function inFlight(client: QueryClient, job: BatchJob): boolean {
  if (job.state === 'submitting') return true;
  return (
    job.state === 'submitted' &&
    job.jobUrl !== undefined &&
    progressOf(client, job.jobUrl) === 'running'
  );
}

function throttle(retryAfterMs: number | undefined): void {
  const now = Date.now();
  updateBatch((batch) => ({
    // One burst of 429s is one signal: back off once per throttle window, then only wait longer.
    concurrency:
      now < batch.throttledUntil
        ? batch.concurrency
        : Math.max(MIN_CONCURRENCY, Math.floor(batch.concurrency * BACK_OFF)),
    throttledUntil: Math.max(batch.throttledUntil, now + (retryAfterMs ?? 1_000)),
  }));
}

function grow(): void {
  updateBatch((batch) =>
    Date.now() > batch.throttledUntil + CALM_MS && batch.concurrency < MAX_CONCURRENCY
      ? { concurrency: batch.concurrency + 1 }
      : {},
  );
}

async function submitOne(current: Runner, job: BatchJob): Promise<void> {
  const documents = current.texts.get(job.index);
  if (!documents) return;
  updateBatchJob(job.index, { state: 'submitting', error: undefined });
  try {
    const submittedAt = Date.now();
    const jobUrl = await submitJob({ ...current.base, documents }, current.key);
    if (runner !== current) return;
    updateBatchJob(job.index, { state: 'submitted', jobUrl, submittedAt });
    rememberJob({
      jobUrl,
      submittedAt,
      endpoint: current.base.endpoint,
      documentIds: documents.map((document) => document.id),
    });
  } catch (error) {
    if (runner !== current) return;
    // Only a 429 is sent again by itself: the service then accepted nothing, so no job is doubled.
    if (error instanceof ServiceError && error.status === 429) {
      updateBatchJob(job.index, { state: 'queued' });
      throttle(error.retryAfterMs);
    } else {
      updateBatchJob(job.index, {
        state: 'rejected',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  } finally {
    pump();
  }
}

/** Starts as many queued jobs as the concurrency allows. Cheap; called on every relevant change. */
function pump(): void {
  const current = runner;
  const batch = getBatch();
  if (!current || !batch || batch.paused || batch.cancelled) return;
  const wait = batch.throttledUntil - Date.now();
  if (wait > 0) {
    clearTimeout(current.timer);
    current.timer = setTimeout(pump, wait);
    return;
  }
  let free = batch.concurrency - batch.jobs.filter((job) => inFlight(current.client, job)).length;
  for (const job of batch.jobs) {
    if (free <= 0) break;
    if (job.state === 'queued' && current.texts.has(job.index)) {
      free--;
      void submitOne(current, job);
    }
  }
}

function watchJobs(client: QueryClient): () => void {
  const cache = client.getQueryCache();
  return cache.subscribe((event) => {
    if (event.type !== 'updated' || !event.query.queryHash.startsWith('["job",')) return;
    const query = cache.get<JobPoll>(event.query.queryHash);
    const reason = query?.state.fetchFailureReason;
    if (event.action.type === 'failed' && reason instanceof ServiceError && reason.status === 429) {
      throttle(reason.retryAfterMs);
    }
    const poll = query?.state.data;
    if (event.action.type === 'success' && poll && isFinished(poll.snapshot.phase)) grow();
    pump();
  });
}

function stopRunner(): void {
  if (!runner) return;
  runner.unsubscribe();
  clearTimeout(runner.timer);
  runner = undefined;
}

export function startBatch(
  client: QueryClient,
  plan: BatchPlan,
  base: Omit<JobInput, 'documents'>,
  key: string,
): void {
  stopRunner();
  setBatch({
    id: crypto.randomUUID(),
    endpoint: base.endpoint,
    startedAt: Date.now(),
    jobs: plan.jobs.map((documents, index) => ({
      index,
      documentCount: documents.length,
      firstId: documents[0]?.id ?? '',
      lastId: documents.at(-1)?.id ?? '',
      state: 'queued',
    })),
    oversized: plan.oversized,
    paused: false,
    cancelled: false,
    concurrency: START_CONCURRENCY,
    throttledUntil: 0,
  });
  runner = {
    client,
    base,
    key,
    texts: new Map(plan.jobs.map((documents, index) => [index, documents])),
    unsubscribe: watchJobs(client),
    timer: undefined,
  };
  pump();
}

/** How much slower the batch's jobs poll: under throttling, requests go to sending jobs instead. */
export function batchPollSlowdown(): number {
  const batch = getBatch();
  return batch && Date.now() < batch.throttledUntil + THROTTLE_MEMORY_MS
    ? THROTTLED_POLL_SLOWDOWN
    : 1;
}

export function setBatchPaused(paused: boolean): void {
  updateBatch(() => ({ paused }));
  pump();
}

/** Queued jobs are dropped; running GA jobs are cancelled on the service (the preview API has no cancel). */
export async function cancelBatch(): Promise<void> {
  updateBatch((batch) => ({
    cancelled: true,
    jobs: batch.jobs.map((job) => (job.state === 'queued' ? { ...job, state: 'cancelled' } : job)),
  }));
  const current = runner;
  const batch = getBatch();
  if (!current || !batch || isSeedApi(current.base.apiVersion)) return;
  const credentials = { endpoint: current.base.endpoint, key: current.key };
  await Promise.allSettled(
    batch.jobs
      .filter((job) => job.jobUrl && inFlight(current.client, job))
      .map((job) => (job.jobUrl ? cancelJob(job.jobUrl, credentials) : Promise.resolve())),
  );
}

/** Whether this page still holds the job's documents (they are not kept across a reload). */
export function canResubmit(index: number): boolean {
  return runner?.texts.has(index) ?? false;
}

/** Sends one job again: after the service refused it, or after its job failed. */
export function resubmitBatchJob(index: number): void {
  updateBatchJob(index, {
    state: 'queued',
    jobUrl: undefined,
    submittedAt: undefined,
    error: undefined,
  });
  updateBatch(() => ({ cancelled: false }));
  pump();
}

/** After a reload the texts are gone: jobs that were never sent cannot be sent any more. */
export function settleUnsentJobs(): void {
  if (runner) return;
  updateBatch((batch) => ({
    jobs: batch.jobs.map((job) =>
      job.state === 'queued' || job.state === 'submitting'
        ? {
            ...job,
            state: 'rejected',
            error: 'Not sent: the page was reloaded before its turn. Submit these documents again.',
          }
        : job,
    ),
  }));
}

/** A single job replaces the batch on screen; the batch's jobs stay in the history. */
export function clearBatch(): void {
  stopRunner();
  setBatch(undefined);
}
