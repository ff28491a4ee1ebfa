import { ServiceError } from './errors';

/**
 * When to ask about a job, as a function of how long ago it was submitted.
 *
 * The official SDK polls every 2 s (plus a poll at the start and a results read at the end), so
 * results appear ~1 s after a job ends on average. Waiting 1.25 s before the first poll (a job is
 * never done sooner), polling every 0.6 s while a typical job is likely to finish, then backing off,
 * lands results about 0.3 s after jobs of a few seconds end, with at most 1.5x the SDK's requests
 * (`npm run bench` measures both against the SDK itself).
 */
export const FIRST_POLL_MS = 1_250;

/** The wait after a poll at `elapsedMs`, by how long the job has been running. */
function pollStep(elapsedMs: number): number {
  if (elapsedMs < 4_000) return 600;
  if (elapsedMs < 8_000) return 800;
  if (elapsedMs < 30_000) return 2_000;
  return Math.min(5_000, 2_000 * 1.25 ** Math.floor((elapsedMs - 30_000) / 10_000));
}

/** Within this time the polls keep to a grid counted from submission (see nextPollDelay). */
const GRID_UNTIL_MS = 30_000;

/**
 * While a typical job is finishing, the polls keep to a grid counted from submission (1.25 s,
 * 1.85 s, 2.45 s, …): a wait counted from each answer would add every round trip and every answer's
 * handling to the next poll, and four polls in, land 60–120 ms later than planned. The next poll is
 * the first grid point at least half a step away.
 */
export function nextPollDelay(elapsedMs: number, retryAfterMs = 0): number {
  let scheduled: number;
  if (elapsedMs < FIRST_POLL_MS) scheduled = FIRST_POLL_MS - elapsedMs;
  else if (elapsedMs < GRID_UNTIL_MS) {
    let at = FIRST_POLL_MS;
    while (at - elapsedMs < pollStep(elapsedMs) / 2) at += pollStep(at);
    scheduled = at - elapsedMs;
  } else scheduled = pollStep(elapsedMs);
  return Math.max(scheduled, retryAfterMs);
}

const MAX_POLL_RETRIES = 4;

/**
 * How every poll is retried and kept fresh (job and deletion job alike): a GET changes nothing, so
 * throttling, transient failures and a garbled body are worth another try, a bounded number of times.
 */
export const POLL_QUERY_DEFAULTS = {
  refetchIntervalInBackground: true,
  refetchOnWindowFocus: false,
  staleTime: Infinity,
  retry: (failureCount: number, error: Error) =>
    error instanceof ServiceError &&
    (error.isTransient || error.kind === 'invalid-response') &&
    failureCount < MAX_POLL_RETRIES,
  retryDelay: (attempt: number, error: Error) =>
    retryDelay(attempt, error instanceof ServiceError ? error.retryAfterMs : undefined),
};

/**
 * The longest wait before a retry, whatever `Retry-After` says: the Language service asks for
 * seconds, and `Retry-After: 999999` (11.6 days) must not freeze a poll.
 */
export const MAX_RETRY_WAIT_MS = 60_000;

/** Backoff for retrying a failed request: exponential from 1 s with jitter, or what the service asks (at most a minute). */
export function retryDelay(attempt: number, retryAfterMs?: number, random = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, retryAfterMs));
  const base = Math.min(30_000, 1_000 * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}

/** The service purges a job and its results 24 hours after it was submitted; later GETs answer 404. */
export const JOB_RETENTION_MS = 24 * 60 * 60 * 1_000;

/** Whether a job submitted at `submittedAt` (ms since the epoch) is past the service's retention. */
export function jobExpired(submittedAt: number, now: number): boolean {
  return now - submittedAt >= JOB_RETENTION_MS;
}
