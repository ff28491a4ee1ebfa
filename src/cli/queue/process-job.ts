import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import { finishedJob, jobInput } from '../../features/runs/engine/job-outcomes';
import type { RunSecret } from '../../features/runs/engine/run-service';
import type { RunJob } from '../../features/runs/store/run-model';
import { fetchJob, submitJob } from '../../service/jobs';
import { isFinished } from '../../service/model';
import { nextPollDelay } from '../../service/polling';
import { bullJobId, JOB_OPTIONS, jobDataSchema, POLL_PRIORITY } from './queue-names';
import type { RunStore } from './run-store';
import {
  afterExhausted,
  afterPollFailure,
  afterSendFailure,
  nextPollIn,
  nextStep,
  type AfterError,
} from './worker-step';

export interface ProcessDeps {
  store: RunStore;
  queue: Queue;
  secret: RunSecret;
  /** The service refused this worker's key (401): it stops taking jobs. */
  keyRefused: (message: string) => void;
  now?: () => number;
}

/** Back to BullMQ's delayed set: any worker takes the job up again after `ms`. */
async function later(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}

/**
 * One step of one service job: a POST or a poll (one request; a finished poll also reads the
 * results' other pages). Its state in Redis says which: a job is saved as possibly sent before its
 * POST leaves and with its URL as soon as the service answers, so a worker that dies anywhere in
 * between loses nothing and sends nothing twice (worker-step.ts decides).
 */
export async function processJob(
  job: Job,
  token: string | undefined,
  deps: ProcessDeps,
): Promise<void> {
  const { store, secret } = deps;
  const now = deps.now ?? Date.now;
  const data = jobDataSchema.parse(job.data);
  const run = await store.run(data.runId);
  // Collected, or past the 24 hours: nothing left to do for it.
  if (!run) return;
  const current = await store.job(data.runId, data.index);
  const step = nextStep(current, now());
  const handle = async (after: AfterError, reset: Partial<RunJob>): Promise<void> => {
    switch (after.kind) {
      case 'pause-all':
        await store.saveJob({ ...current, ...reset });
        await deps.queue.rateLimit(after.waitMs);
        throw Worker.RateLimitError();
      case 'key-refused':
        await store.saveJob({ ...current, ...reset });
        deps.keyRefused(
          'The service refused this worker’s key (401): it stops; the job waits for another worker.',
        );
        throw Worker.RateLimitError();
      case 'retry':
        await store.saveJob({ ...current, ...reset });
        return later(job, token, after.delayMs);
      case 'save':
        await store.saveJob({ ...current, ...after.patch });
    }
  };

  switch (step.kind) {
    case 'nothing':
      return;
    case 'save':
      return store.saveJob({ ...current, ...step.patch });
    case 'send': {
      const documents = await store.documents(data.runId, data.index);
      // On Redis before the POST leaves: a worker that finds it so never sends it again.
      await store.saveJob({ ...current, state: 'sending', error: undefined });
      let jobUrl: string;
      try {
        jobUrl = await submitJob(jobInput(run.settings, documents), secret);
      } catch (error) {
        return handle(afterSendFailure(error), { state: 'queued' });
      }
      const submittedAt = now();
      // The URL, before anything else: from here on any worker polls the job.
      await store.saveJob({ ...current, state: 'sent', jobUrl, submittedAt, error: undefined });
      await job.changePriority({ priority: POLL_PRIORITY });
      return later(job, token, nextPollDelay(0));
    }
    case 'poll': {
      let poll;
      try {
        poll = await fetchJob(step.jobUrl, { endpoint: run.settings.endpoint, ...secret });
      } catch (error) {
        const failures = data.failures + 1;
        await job.updateData({ ...data, failures });
        return handle(afterPollFailure(error, failures), {});
      }
      if (data.failures > 0) await job.updateData({ ...data, failures: 0 });
      const { snapshot } = poll;
      if (isFinished(snapshot.phase)) {
        const documents = await store.documents(data.runId, data.index);
        const { patch, results } = finishedJob(poll, documents, now());
        return store.saveFinished(
          { ...current, ...patch },
          results.map((result) => ({ ...result, runId: data.runId })),
        );
      }
      const seen: RunJob = { ...current, status: snapshot.status, jobId: snapshot.jobId };
      if (seen.status !== current.status || seen.jobId !== current.jobId) await store.saveJob(seen);
      const next = nextPollIn(seen, now(), poll.retryAfterMs);
      if (typeof next !== 'number') return store.saveJob({ ...seen, ...next });
      return later(job, token, next);
    }
  }
}

/**
 * After a step failed on every attempt BullMQ allows: the job is closed (refused or unsure) or, if
 * the service accepted it, polled again later, so no run is left open for ever (worker-step.ts).
 */
export async function settleExhausted(
  job: Job,
  error: Error,
  deps: Pick<ProcessDeps, 'store' | 'queue'>,
): Promise<void> {
  if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
  const data = jobDataSchema.parse(job.data);
  if (!(await deps.store.run(data.runId))) return;
  const current = await deps.store.job(data.runId, data.index);
  const after = afterExhausted(current, error.message);
  switch (after.kind) {
    case 'save':
      return deps.store.saveJob({ ...current, ...after.patch });
    case 'poll-again':
      await deps.queue.add('classify', data, {
        ...JOB_OPTIONS,
        priority: POLL_PRIORITY,
        delay: after.delayMs,
        jobId: bullJobId(data.runId, data.index, Date.now()),
      });
  }
}
