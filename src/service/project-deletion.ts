import { profileOf } from './api-profiles';
import { ServiceError } from './errors';
import { toProblem } from './problems';
import { assertSameOrigin, callService, type Credentials } from './http';
import type { ApiVersion, ServiceProblem, ServiceWarning } from './model';
import { deletionJobSchema } from './schemas';

/** Deleting a custom classification project, in either API generation, and following its job. */

interface ProjectDeletion {
  /** The HTTP status of the DELETE, or undefined for a 2xx whose body could not be read. */
  status: number | undefined;
  /** The deletion job to follow, on the endpoint's own origin. */
  jobUrl?: string;
  /** The API promises a job URL (GA's `deletion-job` answer) but none could be read: a gateway hiding the header (CORS). */
  jobUrlUnreadable: boolean;
}

type DeletionPhase = 'running' | 'succeeded' | 'failed';

export interface DeletionJob {
  jobId?: string;
  /** The status word exactly as the service sent it. */
  status: string;
  phase: DeletionPhase;
  errors: ServiceProblem[];
  warnings: ServiceWarning[];
  updatedAt?: string;
}

interface DeletionPoll {
  job: DeletionJob;
  retryAfterMs: number | undefined;
}

export function deleteProjectRequest(
  endpoint: string,
  apiVersion: ApiVersion,
  projectName: string,
) {
  return profileOf(apiVersion).deletion.request(endpoint, projectName);
}

function jobUrlOf(headers: Headers, endpoint: string, status: number): string | undefined {
  const location = headers.get('operation-location') ?? headers.get('location');
  if (!location) return undefined;
  try {
    return assertSameOrigin(location, endpoint).href;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    throw new ServiceError({
      kind: 'foreign-origin',
      status,
      message: `The service accepted the deletion (HTTP ${status}) but named its job at ${new URL(location, endpoint).origin}, outside your endpoint. The key was not sent there, so the deletion cannot be followed.`,
    });
  }
}

/**
 * Sends the DELETE. What the answer must hold is the profile's `deletion.answer`: GA answers 202
 * with the deletion job in `operation-location`; the preview's answer is undocumented, so any 2xx
 * is accepted and a job URL is followed wherever it is given.
 */
export async function requestProjectDeletion(
  credentials: Credentials,
  apiVersion: ApiVersion,
  projectName: string,
): Promise<ProjectDeletion> {
  const request = deleteProjectRequest(credentials.endpoint, apiVersion, projectName);
  const jobExpected = profileOf(apiVersion).deletion.answer === 'deletion-job';
  try {
    const response = await callService(request, credentials);
    const jobUrl = jobUrlOf(response.headers, credentials.endpoint, response.status);
    return jobUrl
      ? { status: response.status, jobUrl, jobUrlUnreadable: false }
      : { status: response.status, jobUrlUnreadable: jobExpected };
  } catch (error) {
    // callService reads only 2xx bodies, so this is a success whose body was not JSON; its
    // headers are lost with it, so whether a job was named is unknown.
    if (error instanceof ServiceError && error.kind === 'invalid-response') {
      return { status: undefined, jobUrlUnreadable: false };
    }
    throw error;
  }
}

const SUCCEEDED = new Set(['succeeded', 'completed']);
const FAILED = new Set(['failed', 'cancelled', 'partiallycompleted', 'partiallysucceeded']);

function phaseOf(status: string): DeletionPhase {
  const word = status.toLowerCase();
  if (SUCCEEDED.has(word)) return 'succeeded';
  if (FAILED.has(word)) return 'failed';
  return 'running';
}

function normalizeDeletionJob(json: unknown): DeletionJob {
  const parsed = deletionJobSchema.safeParse(json);
  if (!parsed.success) {
    throw new ServiceError({
      kind: 'invalid-response',
      message: 'The deletion job URL answered with something that is not a deletion job.',
    });
  }
  const body = parsed.data;
  const updatedAt = body.lastUpdatedDateTime ?? body.lastUpdateDateTime;
  return {
    ...(body.jobId ? { jobId: body.jobId } : {}),
    status: body.status,
    phase: phaseOf(body.status),
    errors: body.errors.map(toProblem),
    warnings: body.warnings,
    ...(updatedAt ? { updatedAt } : {}),
  };
}

/** One GET of the deletion job; the key goes only to the endpoint's origin (callService checks). */
export async function fetchDeletionJob(
  jobUrl: string,
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<DeletionPoll> {
  const response = await callService({ method: 'GET', url: jobUrl }, credentials, signal);
  return { job: normalizeDeletionJob(response.json), retryAfterMs: response.retryAfterMs };
}

/** A deletion job that ended without deleting, as an error, so it is shown like every failure. */
export function deletionFailure(job: DeletionJob): ServiceError | undefined {
  if (job.phase !== 'failed') return undefined;
  const [first] = job.errors;
  return new ServiceError({
    kind: 'deletion-failed',
    message: `The deletion job ended with status "${job.status}".`,
    ...(first ? { problem: first } : {}),
  });
}

/**
 * Authoring allows 100 GETs a minute: 1 s apart for the first 5 s (a deletion often takes ~1 s),
 * then 2 s, then 5 s after half a minute; never sooner than the service's Retry-After.
 */
export function nextDeletionPollDelay(elapsedMs: number, retryAfterMs = 0): number {
  const scheduled = elapsedMs < 5_000 ? 1_000 : elapsedMs < 30_000 ? 2_000 : 5_000;
  return Math.max(scheduled, retryAfterMs);
}
