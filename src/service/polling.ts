/**
 * When to ask about a job, as a function of how long ago it was submitted.
 *
 * The official SDK polls every 2 s, so results appear ~1 s after a job ends on average. Waiting
 * 1.25 s before the first poll (a job is never done sooner), polling every 0.9 s while a typical job
 * is likely to finish, then backing off, lands results in under 0.5 s on average for jobs of a few
 * seconds while staying within 1.5x the SDK's request count (`npm run bench` prints both).
 */
export const FIRST_POLL_MS = 1_250;

export function nextPollDelay(elapsedMs: number, retryAfterMs = 0): number {
  const scheduled =
    elapsedMs < FIRST_POLL_MS
      ? FIRST_POLL_MS - elapsedMs
      : elapsedMs < 6_000
        ? 900
        : elapsedMs < 15_000
          ? 1_500
          : Math.min(5_000, 1_500 * 1.2 ** Math.floor((elapsedMs - 15_000) / 5_000));
  return Math.max(scheduled, retryAfterMs);
}

/** Backoff for retrying a failed request: exponential from 1 s with jitter, or what the service asks. */
export function retryDelay(attempt: number, retryAfterMs?: number, random = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = Math.min(30_000, 1_000 * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}
