import { describe, expect, it } from 'vitest';
import type { RunJob } from '../../features/runs/store/run-model';
import { ServiceError } from '../../service/errors';
import { queueRate, requestsPerMinuteOf } from './queue-rate';
import {
  afterExhausted,
  afterPollFailure,
  afterSendFailure,
  nextPollIn,
  nextStep,
  pollRetryDelay,
} from './worker-step';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const job = (patch: Partial<RunJob>): RunJob => ({
  runId: 'r',
  index: 0,
  documentIndexes: [0],
  firstId: 'a',
  lastId: 'a',
  state: 'queued',
  ...patch,
});
const http = (status: number, retryAfterMs?: number) =>
  new ServiceError({
    kind: 'http',
    status,
    message: `HTTP ${status}`,
    ...(retryAfterMs ? { retryAfterMs } : {}),
  });
const network = new ServiceError({ kind: 'network', message: 'Could not reach it.' });

describe('nextStep', () => {
  it('sends a queued job and polls a sent one by its saved URL', () => {
    expect(nextStep(job({}), NOW)).toEqual({ kind: 'send' });
    expect(
      nextStep(job({ state: 'sent', jobUrl: 'https://x/jobs/1', submittedAt: NOW }), NOW),
    ).toEqual({
      kind: 'poll',
      jobUrl: 'https://x/jobs/1',
    });
  });

  it('never sends again a job whose worker died after marking it (its POST may have left)', () => {
    const step = nextStep(job({ state: 'sending' }), NOW);
    expect(step).toMatchObject({ kind: 'save', patch: { state: 'unsure' } });
  });

  it('gives up a sent job past the 24 hours the service keeps it', () => {
    const old = job({
      state: 'sent',
      jobUrl: 'https://x/jobs/1',
      submittedAt: NOW - 25 * 3600_000,
    });
    expect(nextStep(old, NOW)).toMatchObject({ kind: 'save', patch: { state: 'expired' } });
  });

  it('leaves finished, refused and unsure jobs alone (the last wait for the user)', () => {
    for (const state of ['finished', 'refused', 'unsure', 'expired'] as const)
      expect(nextStep(job({ state }), NOW)).toEqual({ kind: 'nothing' });
  });
});

describe('after a failed POST', () => {
  it('pauses every worker for the Retry-After of a 429', () => {
    expect(afterSendFailure(http(429, 3_000))).toEqual({ kind: 'pause-all', waitMs: 3_000 });
    expect(afterSendFailure(http(429))).toEqual({ kind: 'pause-all', waitMs: 1_000 });
  });

  it('hands the job back on a 401 (this worker’s key is refused)', () => {
    expect(afterSendFailure(http(401))).toEqual({ kind: 'key-refused' });
  });

  it('marks the job unsure on a network error, never sends it again silently', () => {
    expect(afterSendFailure(network)).toMatchObject({ kind: 'save', patch: { state: 'unsure' } });
  });

  it('marks a refusal (400, 404) as refused: nothing was accepted', () => {
    expect(afterSendFailure(http(400))).toMatchObject({
      kind: 'save',
      patch: { state: 'refused' },
    });
    expect(afterSendFailure(http(404))).toMatchObject({
      kind: 'save',
      patch: { state: 'refused' },
    });
  });
});

describe('after a failed poll', () => {
  it('pauses every worker on a 429 and hands the job back on a 401', () => {
    expect(afterPollFailure(http(429, 2_000), 1)).toEqual({ kind: 'pause-all', waitMs: 2_000 });
    expect(afterPollFailure(http(401), 1)).toEqual({ kind: 'key-refused' });
  });

  it('gives the job up as expired on a 404', () => {
    expect(afterPollFailure(http(404), 1)).toMatchObject({
      kind: 'save',
      patch: { state: 'expired' },
    });
  });

  it('polls again later and later after a network error or a 5xx', () => {
    expect(afterPollFailure(network, 1)).toEqual({ kind: 'retry', delayMs: 1_000 });
    expect(afterPollFailure(http(503), 3)).toEqual({ kind: 'retry', delayMs: 4_000 });
    expect(pollRetryDelay(20)).toBe(60_000);
  });
});

describe('nextPollIn', () => {
  it('follows the app’s poll schedule and a longer Retry-After', () => {
    const sent = job({ state: 'sent', jobUrl: 'u', submittedAt: NOW - 1_850 });
    expect(nextPollIn(sent, NOW)).toBe(600);
    expect(nextPollIn(sent, NOW, 5_000)).toBe(5_000);
  });
});

describe('queueRate', () => {
  it('spreads the rate in short windows that add up to it', () => {
    expect(queueRate(900)).toEqual({ max: 3, duration: 200 });
    expect(requestsPerMinuteOf(queueRate(900))).toBe(900);
    expect(queueRate(60)).toEqual({ max: 1, duration: 1_000 });
    expect(requestsPerMinuteOf(queueRate(1_000))).toBeLessThanOrEqual(1_000);
  });
});

describe('after every attempt of a step failed', () => {
  it('closes a job that never left or may have left, so collect --wait ends; polls a sent one later', () => {
    expect(afterExhausted(job({ state: 'queued' }), 'Redis is gone')).toEqual({
      kind: 'save',
      patch: { state: 'refused', error: 'Not sent: Redis is gone' },
    });
    expect(afterExhausted(job({ state: 'sending' }), 'Redis is gone')).toEqual({
      kind: 'save',
      patch: { state: 'unsure', error: 'Its POST may have left: Redis is gone' },
    });
    expect(afterExhausted(job({ state: 'sent', jobUrl: 'https://r.example/jobs/1' }), 'x')).toEqual(
      { kind: 'poll-again', delayMs: 60_000 },
    );
    expect(afterExhausted(job({ state: 'finished' }), 'x')).toEqual({ kind: 'nothing' });
  });
});
