import { describe, expect, it } from 'vitest';
import {
  closePollStep,
  durationSample,
  learnDurations,
  MAX_CLOSE_POLLS,
  MIN_SAMPLES,
  predictivePollDelay,
  type DurationSample,
} from './job-duration';

const usual = (elapsed: number) => (elapsed < 1_250 ? 1_250 - elapsed : 600);
const sizes = (durations: number[]) =>
  durations.map((durationMs) => ({ documents: 5, characters: 500, durationMs }));

describe('learning job durations', () => {
  it('predicts nothing until a few jobs have finished', () => {
    const samples: DurationSample[] = sizes([2_000, 2_100]);
    expect(samples.length).toBeLessThan(MIN_SAMPLES);
    expect(learnDurations(samples).predict(5, 500)).toBeUndefined();
  });

  it('gives the mean for jobs of one size, and how far they stray from it', () => {
    const model = learnDurations(sizes([3_050, 3_150, 3_100]));
    const expectation = model.predict(5, 500);
    expect(expectation?.expectedMs).toBeCloseTo(3_100, -1);
    // ±50 ms around the mean (41 ms typical), and the mean of three is less sure than that.
    expect(expectation?.uncertaintyMs).toBeGreaterThan(41);
    expect(expectation?.uncertaintyMs).toBeLessThan(60);
  });

  it('follows the size of the job when durations grow with it', () => {
    // 1 s plus 80 ms a document.
    const samples = [1, 5, 10, 15, 20, 25].map((documents) => ({
      documents,
      characters: documents * 100,
      durationMs: 1_000 + 80 * documents + 1,
    }));
    const model = learnDurations(samples);
    expect(model.predict(12, 1_200)?.expectedMs).toBeGreaterThan(1_940);
    expect(model.predict(12, 1_200)?.expectedMs).toBeLessThan(1_980);
    expect(model.predict(12, 1_200)?.uncertaintyMs).toBeLessThan(10);
  });

  it('takes the rounding of whole-second stamps out of the spread, not out of the fit', () => {
    // Jobs of exactly 2.4 s, stamped in whole seconds: 2 s or 3 s as the start falls (6 to 4).
    const stamped = [2_000, 3_000, 2_000, 2_000, 3_000, 2_000, 3_000, 2_000, 2_000, 3_000];
    const expectation = learnDurations(sizes(stamped)).predict(5, 500);
    expect(expectation?.expectedMs).toBe(2_400);
    // The samples spread ±490 ms; most of that is the rounding, so less is left of it.
    expect(expectation?.uncertaintyMs).toBeLessThan(350);
    // The same spread in milliseconds is the jobs' own, and counts in full.
    const erratic = learnDurations(sizes(stamped.map((durationMs) => durationMs + 1)));
    expect(erratic.predict(5, 500)?.uncertaintyMs).toBeGreaterThan(490);
  });

  it('never strays far beyond the durations it has seen', () => {
    const model = learnDurations([
      { documents: 1, characters: 10, durationMs: 1_000 },
      { documents: 2, characters: 20, durationMs: 1_100 },
      { documents: 3, characters: 30, durationMs: 1_200 },
    ]);
    expect(model.predict(10_000, 100_000)?.expectedMs).toBeLessThanOrEqual(1_800);
    expect(model.predict(0, 0)?.expectedMs).toBeGreaterThanOrEqual(500);
  });
});

describe('when to poll, knowing when the job should end', () => {
  const expectation = { expectedMs: 2_400, uncertaintyMs: 120 };

  it('uses the usual schedule while nothing is expected', () => {
    expect(predictivePollDelay(0, undefined, { polls: 0, fallback: usual })).toBe(1_250);
    expect(predictivePollDelay(3_000, undefined, { polls: 3, fallback: usual })).toBe(600);
  });

  it('first polls one uncertainty before the expected end', () => {
    expect(predictivePollDelay(0, expectation, { polls: 0, fallback: usual })).toBe(2_280);
    expect(predictivePollDelay(2_000, expectation, { polls: 0, fallback: usual })).toBe(280);
  });

  it('then every half uncertainty until two after it, then the usual schedule', () => {
    expect(predictivePollDelay(2_280, expectation, { polls: 1, fallback: usual })).toBe(60);
    expect(predictivePollDelay(2_630, expectation, { polls: 6, fallback: usual })).toBe(60);
    expect(predictivePollDelay(2_640, expectation, { polls: 7, fallback: usual })).toBe(600);
    expect(
      predictivePollDelay(2_500, expectation, { polls: MAX_CLOSE_POLLS, fallback: usual }),
    ).toBe(600);
  });

  it('keeps the close polls between 50 and 200 ms apart', () => {
    expect(closePollStep(0)).toBe(50);
    expect(closePollStep(120)).toBe(60);
    expect(closePollStep(2_000)).toBe(200);
  });

  it('polls once when the job is most likely over while the service refuses requests', () => {
    const scarce = { fallback: usual, requestsScarce: true };
    expect(predictivePollDelay(0, expectation, { ...scarce, polls: 0 })).toBe(2_640);
    expect(predictivePollDelay(2_640, expectation, { ...scarce, polls: 1 })).toBe(200);
    expect(predictivePollDelay(3_040, expectation, { ...scarce, polls: 3 })).toBe(600);
  });

  it('never polls sooner than the service asks', () => {
    expect(
      predictivePollDelay(2_500, expectation, { polls: 1, fallback: usual, retryAfterMs: 1_000 }),
    ).toBe(1_000);
  });
});

describe('what a finished job teaches', () => {
  const job = { documentIndexes: [0, 1, 2], characters: 900 };
  it.each<[string, Parameters<typeof durationSample>[0], DurationSample | undefined]>([
    [
      'a job done, timed by the service',
      { ...job, outcome: 'done', serviceDurationMs: 2_500 },
      { documents: 3, characters: 900, durationMs: 2_500 },
    ],
    [
      'one whose size in characters is unknown counts none',
      { documentIndexes: [0], outcome: 'done', serviceDurationMs: 1_000 },
      { documents: 1, characters: 0, durationMs: 1_000 },
    ],
    ['a job done without the service’s times', { ...job, outcome: 'done' }, undefined],
    ['a failed job', { ...job, outcome: 'failed', serviceDurationMs: 2_500 }, undefined],
    ['a cancelled job', { ...job, outcome: 'cancelled', serviceDurationMs: 2_500 }, undefined],
    ['a job not finished', { ...job, serviceDurationMs: 2_500 }, undefined],
  ])('%s', (_, finished, sample) => {
    expect(durationSample(finished)).toEqual(sample);
  });
});
