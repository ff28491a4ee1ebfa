import { ServiceError } from '../../../service/errors';
import { failureOf, type JobPoll } from '../../../service/jobs';
import type { JobInput } from '../../../service/model';
import { JOB_RETENTION_MS, MAX_RETRY_WAIT_MS } from '../../../service/polling';
import type { JobFailure, RunDocument, RunJob, RunResult, RunSettings } from '../store/run-model';
import { isPastRetention, reopenedJob } from './run-schedule';

/**
 * What happens to a job after each answer (or non-answer) of the service, when a runner takes it
 * up again, and when the user sends it again, as pure functions: the runner only carries these
 * out. Table tests in job-outcomes.test.ts.
 */

/**
 * The longest the runner waits before it asks the service again, whatever `Retry-After` says. A
 * minute is far beyond any throttling window the Language service uses (its 429s ask for 1–10 s),
 * so a sane service is always obeyed, while a broken or hostile `Retry-After: 999999` (11.6 days)
 * costs at most a minute; the page shows the wait with Retry now meanwhile.
 */
export const MAX_WAIT_MS = MAX_RETRY_WAIT_MS;

/** A wait the service asked for, kept within 0–MAX_WAIT_MS; none stays none. */
export function clampWait(ms: number | undefined): number | undefined {
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  return Math.min(MAX_WAIT_MS, Math.max(0, ms));
}

/**
 * The wait before a job's next poll, never past the moment the service drops it (24 h after it
 * was submitted): the poll then finds it expired at once instead of sleeping beyond its life.
 */
export function pollDelayWithinRetention(
  delayMs: number,
  submittedAt: number | undefined,
  now: number,
): number {
  const clamped = Math.min(MAX_WAIT_MS, Math.max(0, delayMs));
  if (submittedAt === undefined) return clamped;
  return Math.max(0, Math.min(clamped, submittedAt + JOB_RETENTION_MS - now));
}

/** The job as the service takes it: the run's settings and the documents it carries. */
export function jobInput(settings: RunSettings, documents: readonly RunDocument[]): JobInput {
  const {
    endpoint,
    apiVersion,
    labelMode,
    projectName,
    deploymentName,
    modelId,
    language,
    jobName,
  } = settings;
  return {
    endpoint,
    apiVersion,
    labelMode,
    projectName,
    deploymentName,
    modelId,
    language,
    jobName,
    documents: documents.map(({ id, text, language: own }) => ({
      id,
      text,
      ...(own ? { language: own } : {}),
    })),
  };
}

export function storableFailure(error: unknown): JobFailure | undefined {
  if (!(error instanceof ServiceError)) return undefined;
  return {
    kind: error.kind,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.problem ? { problem: error.problem } : {}),
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the page knew when a POST failed. */
export interface SendContext {
  /** `pagehide` or `beforeunload` had fired: the page was going away. */
  leaving: boolean;
  /** The endpoint is the built-in demo, whose service runs inside this very page. */
  demo: boolean;
}

export type SendOutcome =
  /** 401: nothing was accepted; the job waits in the queue for another key or token. */
  | { kind: 'auth-refused' }
  /** 429: nothing was accepted; the job goes back to the queue and is sent after the wait. */
  | { kind: 'throttled'; waitMs: number | undefined }
  /** The request never reached the service: back to the queue, as if it had not been tried. */
  | { kind: 'not-sent' }
  /** The POST left and no answer came: the service may have it; the user decides. */
  | { kind: 'unsure' }
  /** The service answered with a refusal: nothing was accepted; Send again is safe. */
  | { kind: 'refused' };

export function afterSendError(error: unknown, context: SendContext): SendOutcome {
  if (!(error instanceof ServiceError)) return { kind: 'refused' };
  if (error.status === 401) return { kind: 'auth-refused' };
  if (error.status === 429) return { kind: 'throttled', waitMs: clampWait(error.retryAfterMs) };
  if (error.kind !== 'network' && error.kind !== 'timeout') return { kind: 'refused' };
  // The demo's service answers from this page (through its service worker): a request that fails
  // while the page unloads never reached it. A real service may have received it.
  if (context.leaving && context.demo && error.kind === 'network') return { kind: 'not-sent' };
  return { kind: 'unsure' };
}

export type PollOutcome =
  /** 429: ask again after the (clamped) wait. */
  | { kind: 'throttled'; waitMs: number | undefined }
  /** 401 (an expired token, say): parked until another key or token comes. */
  | { kind: 'auth-refused' }
  /** 404: the service no longer has the job. */
  | { kind: 'expired'; failure: JobFailure | undefined; error: string }
  /** Anything else: polling stops for this job until Resume polling. */
  | { kind: 'stalled' };

export const EXPIRED_ON_SERVICE =
  'The service no longer has this job: it expired (results are kept 24 hours) or is gone.';
export const EXPIRED_HERE =
  'The job did not finish within the 24 hours the service keeps it; it was given up.';

/** The patch that gives up a sent job the service no longer keeps (24 hours), if it is one. */
export function expiredPatch(job: RunJob, now: number): Partial<RunJob> | undefined {
  if (job.state !== 'sent' || !isPastRetention(job.submittedAt, now)) return undefined;
  return { state: 'expired', error: EXPIRED_HERE };
}

/**
 * A stored job as a runner takes the run up (after a reload, or from a tab that went away): one
 * whose POST may have left waits for the user, one past the service's 24 hours is given up.
 */
export function resumedJob(job: RunJob, now: number): Partial<RunJob> | undefined {
  return reopenedJob(job) ?? expiredPatch(job, now);
}

/**
 * Send again (a job refused, failed, expired, or unsure and the user says it did not arrive): back
 * to the queue with nothing left of its last try. A job being sent or polled is left alone.
 */
export function sentAgain(job: RunJob): Partial<RunJob> | undefined {
  if (job.state === 'sending' || job.state === 'sent') return undefined;
  return {
    state: 'queued',
    jobUrl: undefined,
    jobId: undefined,
    status: undefined,
    outcome: undefined,
    submittedAt: undefined,
    finishedAt: undefined,
    error: undefined,
    failure: undefined,
    failedDocuments: undefined,
  };
}

export function afterPollError(error: unknown): PollOutcome {
  if (error instanceof ServiceError && error.status === 429)
    return { kind: 'throttled', waitMs: clampWait(error.retryAfterMs) };
  if (error instanceof ServiceError && error.status === 401) return { kind: 'auth-refused' };
  if (error instanceof ServiceError && error.status === 404)
    return { kind: 'expired', failure: storableFailure(error), error: EXPIRED_ON_SERVICE };
  return { kind: 'stalled' };
}

/** The service's own measure of a job: created → last update, in ms; undefined if unreadable. */
export function serviceDuration(
  createdAt: string | undefined,
  updatedAt: string | undefined,
): number | undefined {
  if (!createdAt || !updatedAt) return undefined;
  const duration = Date.parse(updatedAt) - Date.parse(createdAt);
  return Number.isFinite(duration) && duration > 0 ? duration : undefined;
}

export interface FinishedJob {
  patch: Partial<RunJob>;
  results: Omit<RunResult, 'runId'>[];
}

/**
 * A finished job as it is saved: its outcome, and the results of the documents it carried, each
 * under that document's index. Results for ids the job never sent, or a second result for one id,
 * are not the run's.
 */
export function finishedJob(
  poll: JobPoll,
  documents: readonly Pick<RunDocument, 'id' | 'index'>[],
  now: number,
): FinishedJob {
  const indexById = new Map(documents.map((document) => [document.id, document.index]));
  const results: Omit<RunResult, 'runId'>[] = [];
  for (const result of poll.snapshot.documents) {
    const documentIndex = indexById.get(result.id);
    if (documentIndex === undefined) continue;
    indexById.delete(result.id);
    results.push({ ...result, index: documentIndex });
  }
  const { snapshot } = poll;
  const outcome =
    snapshot.phase === 'done' ? 'done' : snapshot.phase === 'cancelled' ? 'cancelled' : 'failed';
  const [firstError] = snapshot.errors;
  const patch: Partial<RunJob> = {
    state: 'finished',
    outcome,
    status: snapshot.status,
    jobId: snapshot.jobId,
    finishedAt: now,
    serviceDurationMs: serviceDuration(snapshot.createdAt, snapshot.updatedAt),
    failedDocuments: results.filter((result) => result.error).length + indexById.size,
    failure: storableFailure(failureOf(snapshot)),
    resultsCut: poll.truncated
      ? { pages: poll.pages, ...(poll.truncatedBy ? { truncatedBy: poll.truncatedBy } : {}) }
      : undefined,
    error:
      outcome === 'done'
        ? undefined
        : (firstError?.innerMessage ?? firstError?.message ?? `The job ${snapshot.status}.`),
  };
  return { patch, results };
}
