import { describe, expect, it } from 'vitest';
import { FIRST_POLL_MS, JOB_RETENTION_MS, jobExpired, nextPollDelay, retryDelay } from './polling';

/** Poll times for a job submitted at 0, as the query's refetchInterval would produce them. */
function pollTimes(untilMs: number): number[] {
  const times: number[] = [];
  let now = nextPollDelay(0);
  while (now <= untilMs) {
    times.push(now);
    now += nextPollDelay(now);
  }
  return times;
}

describe('poll schedule', () => {
  it('waits for the first poll, then polls fast while a typical job is finishing', () => {
    expect(pollTimes(6_000).slice(0, 4)).toEqual([FIRST_POLL_MS, 1_850, 2_450, 3_050]);
  });

  it('keeps to its grid however late each answer comes and is handled', () => {
    const times: number[] = [];
    let now = nextPollDelay(0);
    while (now < 6_000) {
      times.push(now);
      const answered = now + 35; // round trip and the answer's handling
      now = answered + nextPollDelay(answered);
    }
    expect(times.slice(0, 6)).toEqual([FIRST_POLL_MS, 1_850, 2_450, 3_050, 3_650, 4_250]);
    // Never two polls closer than half a step, even when an answer comes very late.
    expect(nextPollDelay(1_800)).toBe(650);
    expect(nextPollDelay(1_500)).toBe(350);
  });

  it('backs off for long jobs but never waits more than 5 s', () => {
    const gaps = pollTimes(120_000).map((time, index, all) => time - (all[index - 1] ?? 0));
    const later = gaps.slice(1);
    expect(later).toEqual([...later].sort((a, b) => a - b));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5_000);
    expect(nextPollDelay(20_000)).toBeGreaterThan(nextPollDelay(3_000));
  });

  it('never polls sooner than Retry-After asks', () => {
    expect(nextPollDelay(3_000, 7_000)).toBe(7_000);
    expect(nextPollDelay(3_050, 100)).toBe(600);
  });

  /** Requests and latency for a job that ends at `jobMs`: ours, and a fixed 2 s poller like the SDK's. */
  function simulate(jobMs: number) {
    const ours = pollTimes(jobMs);
    const oursDone = ours.length === 0 ? nextPollDelay(0) : (ours.at(-1) ?? 0);
    const oursFinal = oursDone >= jobMs ? oursDone : oursDone + nextPollDelay(oursDone);
    // Measured against the SDK (npm run bench): a GET at creation, one right away, one every 2 s,
    // and a results read once done.
    const sdkPolls = Math.ceil(jobMs / 2_000) + 3;
    return {
      ours: { requests: ours.filter((t) => t < jobMs).length + 1, latency: oursFinal - jobMs },
      sdk: { requests: sdkPolls, latency: Math.ceil(jobMs / 2_000) * 2_000 - jobMs },
    };
  }

  function average(fromMs: number, toMs: number) {
    const runs: ReturnType<typeof simulate>[] = [];
    for (let jobMs = fromMs; jobMs < toMs; jobMs += 10) runs.push(simulate(jobMs));
    const sum = (pick: (run: (typeof runs)[number]) => number) =>
      runs.reduce((total, run) => total + pick(run), 0);
    return {
      requestRatio: sum((r) => r.ours.requests) / sum((r) => r.sdk.requests),
      latencyMs: sum((r) => r.ours.latency) / runs.length,
    };
  }

  it('lands typical jobs within 0.5 s on average, with at most 1.5x the requests of the SDK', () => {
    for (const [from, to] of [
      [1_000, 3_000],
      [2_000, 5_000],
    ] as const) {
      const { requestRatio, latencyMs } = average(from, to);
      expect(latencyMs, `jobs of ${from}-${to} ms`).toBeLessThanOrEqual(400);
      expect(requestRatio, `jobs of ${from}-${to} ms`).toBeLessThanOrEqual(1.5);
    }
    for (const [from, to] of [
      [3_000, 8_000],
      [5_000, 15_000],
      [10_000, 30_000],
      [30_000, 120_000],
    ] as const) {
      expect(average(from, to).requestRatio, `jobs of ${from}-${to} ms`).toBeLessThanOrEqual(1.5);
    }
  });

  it('retries with exponential backoff and jitter, or as the service asks', () => {
    expect(retryDelay(0, undefined, () => 0)).toBe(500);
    expect(retryDelay(0, undefined, () => 1)).toBe(1_000);
    expect(retryDelay(3, undefined, () => 1)).toBe(8_000);
    expect(retryDelay(10, undefined, () => 1)).toBe(30_000);
    expect(retryDelay(1, 2_000)).toBe(2_000);
    // Retry-After: 999999 (11.6 days) waits a minute at most.
    expect(retryDelay(1, 999_999_000)).toBe(60_000);
  });
});

describe('jobExpired', () => {
  it('gives up on a job once the service has purged it, 24 hours after it was submitted', () => {
    const submittedAt = Date.UTC(2026, 2, 14, 9, 0, 0);
    expect(JOB_RETENTION_MS).toBe(86_400_000);
    expect(jobExpired(submittedAt, submittedAt)).toBe(false);
    expect(jobExpired(submittedAt, submittedAt + JOB_RETENTION_MS - 1)).toBe(false);
    expect(jobExpired(submittedAt, submittedAt + JOB_RETENTION_MS)).toBe(true);
    expect(jobExpired(submittedAt, submittedAt + 3 * JOB_RETENTION_MS)).toBe(true);
  });
});
