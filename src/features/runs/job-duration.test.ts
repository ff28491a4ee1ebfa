import { describe, expect, it } from 'vitest';
import {
  CLOSE_POLL_MS,
  learnDurations,
  MIN_SAMPLES,
  pollMargin,
  predictivePollDelay,
  type DurationSample,
} from './job-duration';

const usual = (elapsed: number) => (elapsed < 1_250 ? 1_250 - elapsed : 600);

describe('learning job durations', () => {
  it('predicts nothing until a few jobs have finished', () => {
    const samples: DurationSample[] = [
      { documents: 5, characters: 500, durationMs: 2_000 },
      { documents: 5, characters: 500, durationMs: 2_100 },
    ];
    expect(samples.length).toBeLessThan(MIN_SAMPLES);
    expect(learnDurations(samples).predict(5, 500)).toBeUndefined();
  });

  it('gives the mean for jobs of one size', () => {
    const model = learnDurations([
      { documents: 25, characters: 2_500, durationMs: 3_000 },
      { documents: 25, characters: 2_500, durationMs: 3_200 },
      { documents: 25, characters: 2_500, durationMs: 3_100 },
    ]);
    // ±100 ms around the mean: looked at twice that typical error after it.
    expect(model.spreadMs).toBeCloseTo(82, 0);
    expect(model.predict(25, 2_500)).toBeCloseTo(3_100 + 163, -1);
  });

  it('follows the size of the job when durations grow with it', () => {
    // 1 s plus 80 ms a document.
    const samples = [1, 5, 10, 15, 20, 25].map((documents) => ({
      documents,
      characters: documents * 100,
      durationMs: 1_000 + 80 * documents,
    }));
    const model = learnDurations(samples);
    expect(model.spreadMs).toBeLessThan(5);
    expect(model.predict(12, 1_200)).toBeGreaterThan(1_960);
    expect(model.predict(12, 1_200)).toBeLessThan(1_960 + 40);
    expect(model.predict(25, 2_500)).toBeGreaterThan(model.predict(2, 200) ?? Infinity);
  });

  it('never strays far beyond the durations it has seen', () => {
    const model = learnDurations([
      { documents: 1, characters: 10, durationMs: 1_000 },
      { documents: 2, characters: 20, durationMs: 1_100 },
      { documents: 3, characters: 30, durationMs: 1_200 },
    ]);
    expect(model.predict(10_000, 100_000)).toBeLessThanOrEqual(1_800 + pollMargin(model.spreadMs));
    expect(model.predict(0, 0)).toBeGreaterThanOrEqual(500);
  });
});

describe('how long after the fitted end to look', () => {
  it('is a little slack for jobs that keep to their size, twice the typical error otherwise', () => {
    expect(pollMargin(0)).toBe(25);
    expect(pollMargin(80)).toBe(160);
    expect(pollMargin(5_000)).toBe(1_000);
  });

  it('looks later at an erratic resource than at a steady one, for the same mean', () => {
    const steady = learnDurations(
      [2_000, 2_000, 2_000, 2_000].map((durationMs) => ({
        documents: 5,
        characters: 500,
        durationMs,
      })),
    );
    const erratic = learnDurations(
      [1_600, 2_400, 1_600, 2_400].map((durationMs) => ({
        documents: 5,
        characters: 500,
        durationMs,
      })),
    );
    expect(steady.predict(5, 500)).toBe(2_025);
    expect(erratic.predict(5, 500)).toBe(2_800);
  });
});

describe('when to poll, knowing the expected duration', () => {
  it('uses the usual schedule while nothing is expected', () => {
    expect(predictivePollDelay(0, undefined, 0, usual)).toBe(1_250);
    expect(predictivePollDelay(3_000, undefined, 3, usual)).toBe(600);
  });

  it('polls once when the job is most likely over, not before', () => {
    expect(predictivePollDelay(0, 2_400, 0, usual)).toBe(2_400);
    expect(predictivePollDelay(2_000, 2_400, 0, usual)).toBe(400);
  });

  it('then polls quickly a few times, then falls back to the usual schedule', () => {
    expect(predictivePollDelay(2_500, 2_400, 1, usual)).toBe(CLOSE_POLL_MS);
    expect(predictivePollDelay(3_500, 2_400, 5, usual)).toBe(600);
  });

  it('never polls sooner than the service asks', () => {
    expect(predictivePollDelay(2_500, 2_400, 1, usual, 1_000)).toBe(1_000);
  });
});
