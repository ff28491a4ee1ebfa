import '../lib/zod-config';
import { z } from 'zod';
import { delay } from '../lib/delay';
import { ServiceError } from './errors';
import { assertSameOrigin, callService, type Credentials, type ServiceRequest } from './http';
import type { ServiceProblem, ServiceWarning } from './model';
import { retryDelay } from './polling';
import { toProblem } from './problems';
import { errorResponseSchema } from './schemas';

/**
 * One way of following every authoring job (export, import, train, deploy, swap): the POST, PUT
 * or DELETE answers 202 with the job in `operation-location` (authoring-contract.md A.7), the job
 * is polled until its status is terminal, and throttling (429 + Retry-After) is waited out, never
 * reported as a failure.
 */

export type AuthoringJobKind = 'export' | 'import' | 'train' | 'deploy' | 'swap';

/** `running` covers notStarted, running and cancelling: the job may still change the project. */
export type AuthoringJobPhase = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface TrainingProgress {
  modelLabel: string;
  trainingConfigVersion: string;
  /** 0–100, training then evaluation. */
  trainingPercent: number;
  evaluationPercent?: number;
  estimatedEndAt?: string;
}

export interface AuthoringJob {
  jobId: string;
  /** The status word exactly as the service sent it. */
  status: string;
  phase: AuthoringJobPhase;
  errors: ServiceProblem[];
  warnings: ServiceWarning[];
  createdAt: string;
  updatedAt: string;
  /** Export only: where the exported project file is read. */
  resultUrl?: string;
  /** Train only. */
  training?: TrainingProgress;
}

const errorSchema = errorResponseSchema.shape.error;
const codeSchema = z.union([z.string(), z.number()]).transform(String);

const subStatusSchema = z.object({
  percentComplete: z.number(),
  status: z.string(),
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});

export const authoringJobSchema = z.object({
  jobId: z.string(),
  createdDateTime: z.string(),
  lastUpdatedDateTime: z.string(),
  expirationDateTime: z.string().optional(),
  status: z.string(),
  warnings: z
    .array(z.object({ code: codeSchema, message: z.string() }))
    .nullish()
    .transform((value) => value ?? []),
  errors: z
    .array(errorSchema)
    .nullish()
    .transform((value) => value ?? []),
  resultUrl: z.string().optional(),
  result: z
    .object({
      modelLabel: z.string(),
      trainingConfigVersion: z.string(),
      estimatedEndDateTime: z.string().optional(),
      trainingStatus: subStatusSchema,
      evaluationStatus: subStatusSchema.optional(),
    })
    .optional(),
});

const PHASES: Record<string, AuthoringJobPhase> = {
  notstarted: 'running',
  running: 'running',
  cancelling: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  // Part of the work was done and part was not: the project is not as asked, so it is no success.
  partiallycompleted: 'failed',
  cancelled: 'cancelled',
};

/** A status word no version documents is followed on: a job that never ends is stopped by its caller. */
export function authoringPhaseOf(status: string): AuthoringJobPhase {
  return PHASES[status.toLowerCase()] ?? 'running';
}

export function normalizeAuthoringJob(json: unknown): AuthoringJob {
  const parsed = authoringJobSchema.safeParse(json);
  if (!parsed.success) {
    throw new ServiceError({
      kind: 'invalid-response',
      message: 'The job URL answered with something that is not an authoring job.',
    });
  }
  const body = parsed.data;
  const result = body.result;
  return {
    jobId: body.jobId,
    status: body.status,
    phase: authoringPhaseOf(body.status),
    errors: body.errors.map(toProblem),
    warnings: body.warnings,
    createdAt: body.createdDateTime,
    updatedAt: body.lastUpdatedDateTime,
    ...(body.resultUrl ? { resultUrl: body.resultUrl } : {}),
    ...(result
      ? {
          training: {
            modelLabel: result.modelLabel,
            trainingConfigVersion: result.trainingConfigVersion,
            trainingPercent: result.trainingStatus.percentComplete,
            ...(result.evaluationStatus
              ? { evaluationPercent: result.evaluationStatus.percentComplete }
              : {}),
            ...(result.estimatedEndDateTime ? { estimatedEndAt: result.estimatedEndDateTime } : {}),
          },
        }
      : {}),
  };
}

/**
 * Authoring allows 100 GETs a minute. Export, import, deployment and swap jobs often end within
 * seconds: 1 s apart for the first 5 s, 2 s until half a minute, then 5 s. Training takes minutes
 * to hours: 3 s, then 10 s after a minute, 30 s after ten. Never sooner than Retry-After.
 */
export function nextAuthoringPollDelay(
  kind: AuthoringJobKind,
  elapsedMs: number,
  retryAfterMs = 0,
): number {
  let scheduled: number;
  if (kind === 'train') {
    scheduled = elapsedMs < 60_000 ? 3_000 : elapsedMs < 600_000 ? 10_000 : 30_000;
  } else {
    scheduled = elapsedMs < 5_000 ? 1_000 : elapsedMs < 30_000 ? 2_000 : 5_000;
  }
  return Math.max(scheduled, retryAfterMs);
}

/** When the service throttles without saying for how long: authoring counts requests per minute. */
export const DEFAULT_THROTTLE_WAIT_MS = 10_000;

/** A throttled request is sent again after this wait; shown, so nobody thinks the app is stuck. */
export function throttleWait(error: unknown): number | undefined {
  if (!(error instanceof ServiceError) || error.kind !== 'http' || error.status !== 429) {
    return undefined;
  }
  return retryDelay(0, error.retryAfterMs ?? DEFAULT_THROTTLE_WAIT_MS);
}

/** What a caller shows while a request or a job is waited for. */
export type JobEvent =
  | { kind: 'throttled'; waitMs: number; until: number }
  | { kind: 'retrying'; attempt: number; waitMs: number; error: ServiceError }
  | { kind: 'job'; job: AuthoringJob };

export interface FollowOptions {
  signal?: AbortSignal;
  onEvent?: (event: JobEvent) => void;
  /** Injected so tests run without waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** Transient failures of a GET tried again; a POST is never sent twice on its own (see submitAuthoringJob). */
const MAX_POLL_RETRIES = 4;

/** The job URL of a 202, kept on the endpoint's origin (the key never goes elsewhere). */
function jobUrlOf(headers: Headers, credentials: Credentials, status: number): string {
  const location = headers.get('operation-location');
  if (!location) {
    throw new ServiceError({
      kind: 'cors',
      status,
      message: `The service accepted the request (HTTP ${status}) but its operation-location header could not be read, so its job cannot be followed.`,
    });
  }
  return assertSameOrigin(location, credentials.endpoint, credentials.scheme).href;
}

/**
 * Sends one authoring write that answers with a job. A 429 means the request was not accepted, so
 * it is sent again once the wait is over; any other failure is thrown for the caller to explain.
 */
export async function submitAuthoringJob(
  request: ServiceRequest,
  credentials: Credentials,
  options: FollowOptions = {},
): Promise<string> {
  const { signal, onEvent, sleep = delay, now = Date.now } = options;
  for (;;) {
    try {
      const response = await callService(request, credentials, signal);
      return jobUrlOf(response.headers, credentials, response.status);
    } catch (error) {
      const waitMs = throttleWait(error);
      if (waitMs === undefined) throw error;
      onEvent?.({ kind: 'throttled', waitMs, until: now() + waitMs });
      await sleep(waitMs, signal);
    }
  }
}

/** One GET of a job; the key goes only to the endpoint's origin (callService checks). */
export async function fetchAuthoringJob(
  jobUrl: string,
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<{ job: AuthoringJob; retryAfterMs: number | undefined }> {
  const response = await callService({ method: 'GET', url: jobUrl }, credentials, signal);
  return { job: normalizeAuthoringJob(response.json), retryAfterMs: response.retryAfterMs };
}

/**
 * Polls a job until it succeeds, fails or is cancelled, and returns its last state. `acceptedAt`
 * is when the job was accepted: a job followed again after a reload keeps its pace.
 */
export async function followAuthoringJob(
  kind: AuthoringJobKind,
  jobUrl: string,
  credentials: Credentials,
  acceptedAt: number,
  options: FollowOptions = {},
): Promise<AuthoringJob> {
  const { signal, onEvent, sleep = delay, now = Date.now } = options;
  let failures = 0;
  for (;;) {
    let waitMs: number;
    try {
      const { job, retryAfterMs } = await fetchAuthoringJob(jobUrl, credentials, signal);
      failures = 0;
      onEvent?.({ kind: 'job', job });
      if (job.phase !== 'running') return job;
      waitMs = nextAuthoringPollDelay(kind, now() - acceptedAt, retryAfterMs);
    } catch (error) {
      const throttled = throttleWait(error);
      if (throttled !== undefined) {
        onEvent?.({ kind: 'throttled', waitMs: throttled, until: now() + throttled });
        waitMs = throttled;
      } else if (
        error instanceof ServiceError &&
        (error.isTransient || error.kind === 'invalid-response') &&
        failures < MAX_POLL_RETRIES
      ) {
        failures += 1;
        waitMs = retryDelay(failures, error.retryAfterMs);
        onEvent?.({ kind: 'retrying', attempt: failures, waitMs, error });
      } else {
        throw error;
      }
    }
    await sleep(waitMs, signal);
  }
}
