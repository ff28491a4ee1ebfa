import {
  afterPollError,
  afterSendError,
  describeError,
  expiredPatch,
  resumedJob,
  storableFailure,
} from '../../features/runs/engine/job-outcomes';
import type { RunJob } from '../../features/runs/store/run-model';
import { nextPollDelay } from '../../service/polling';

/**
 * What a worker does with a job each time BullMQ hands it one, and after each answer, as pure
 * functions over the job's state in Redis and the run engine's own rules (job-outcomes.ts): the
 * same decisions as the browser's runner, with BullMQ's delays and rate limit as the timers.
 */

export type Step =
  /** Nothing left for a worker: finished, refused, expired, or waiting for the user's decision. */
  | { kind: 'nothing' }
  /** Found as possibly sent (its worker died between marking it and saving its URL). */
  | { kind: 'save'; patch: Partial<RunJob> }
  | { kind: 'send' }
  | { kind: 'poll'; jobUrl: string };

export function nextStep(job: RunJob, now: number): Step {
  // `sending` with no URL: the POST may have left. As after a reload in the browser, never resent.
  const resumed = resumedJob(job, now);
  if (resumed) return { kind: 'save', patch: resumed };
  if (job.state === 'queued') return { kind: 'send' };
  if (job.state === 'sent' && job.jobUrl) return { kind: 'poll', jobUrl: job.jobUrl };
  return { kind: 'nothing' };
}

/** What follows a failed request. */
export type AfterError =
  /** 429: every worker waits this long (the queue's rate limit), and this step is tried again. */
  | { kind: 'pause-all'; waitMs: number }
  /** 401: this worker's key is refused; the job goes back for a worker with a working key. */
  | { kind: 'key-refused' }
  /** Tried again after this long, by whichever worker. */
  | { kind: 'retry'; delayMs: number }
  /** The job's new state: unsure, refused or expired. */
  | { kind: 'save'; patch: Partial<RunJob> };

/** With no Retry-After, a 429 pauses the workers this long. */
const DEFAULT_THROTTLE_MS = 1_000;

/** A poll that failed (network, 5xx) is tried again later and later, up to a minute apart. */
export function pollRetryDelay(failures: number): number {
  return Math.min(60_000, 1_000 * 2 ** Math.max(0, failures - 1));
}

export function afterSendFailure(error: unknown): AfterError {
  const outcome = afterSendError(error, { leaving: false, demo: false });
  switch (outcome.kind) {
    case 'throttled':
      return { kind: 'pause-all', waitMs: outcome.waitMs ?? DEFAULT_THROTTLE_MS };
    case 'auth-refused':
      return { kind: 'key-refused' };
    case 'not-sent':
      return { kind: 'retry', delayMs: 1_000 };
    case 'unsure':
    case 'refused':
      return {
        kind: 'save',
        patch: {
          state: outcome.kind,
          error: describeError(error),
          failure: storableFailure(error),
        },
      };
  }
}

export function afterPollFailure(error: unknown, failures: number): AfterError {
  const outcome = afterPollError(error);
  switch (outcome.kind) {
    case 'throttled':
      return { kind: 'pause-all', waitMs: outcome.waitMs ?? DEFAULT_THROTTLE_MS };
    case 'auth-refused':
      return { kind: 'key-refused' };
    case 'expired':
      return {
        kind: 'save',
        patch: { state: 'expired', failure: outcome.failure, error: outcome.error },
      };
    case 'stalled':
      return { kind: 'retry', delayMs: pollRetryDelay(failures) };
  }
}

/** When to poll a job that is not finished: the app's schedule, never past its 24 hours. */
export function nextPollIn(
  job: RunJob,
  now: number,
  retryAfterMs?: number,
): number | Partial<RunJob> {
  const expired = expiredPatch(job, now);
  if (expired) return expired;
  return nextPollDelay(now - (job.submittedAt ?? now), retryAfterMs);
}

/** How long a sent job whose steps kept failing waits before it is polled again. */
export const EXHAUSTED_POLL_AGAIN_MS = 60_000;

export type AfterExhausted =
  | { kind: 'nothing' }
  /** The job's final state, so that `collect --wait` ends and reports it. */
  | { kind: 'save'; patch: Partial<RunJob> }
  /** A job the service accepted: its URL is saved, and a GET changes nothing, so poll it later. */
  | { kind: 'poll-again'; delayMs: number };

/**
 * A step that threw on every one of BullMQ's attempts (Redis unreachable past its retries, say).
 * Left as it was, the job would stay open for ever and `collect --wait` with it.
 */
export function afterExhausted(job: RunJob, message: string): AfterExhausted {
  switch (job.state) {
    case 'queued':
      // Never sent: a refusal the user can send again.
      return { kind: 'save', patch: { state: 'refused', error: `Not sent: ${message}` } };
    case 'sending':
      // The POST may have left: the user decides, as after a reload in the browser.
      return {
        kind: 'save',
        patch: { state: 'unsure', error: `Its POST may have left: ${message}` },
      };
    case 'sent':
      return job.jobUrl
        ? { kind: 'poll-again', delayMs: EXHAUSTED_POLL_AGAIN_MS }
        : { kind: 'save', patch: { state: 'unsure', error: message } };
    default:
      return { kind: 'nothing' };
  }
}
