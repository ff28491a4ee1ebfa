import { describe, expect, it } from 'vitest';
import { emitEvery } from './run-results-pace';

describe('how often a run hands out its results', () => {
  it('keeps the base pace for a run of usual size', () => {
    expect(emitEvery(1_000, 0)).toBe(1_000);
    expect(emitEvery(1_000, 10_000)).toBe(1_000);
  });

  it('waits longer as results pile up, up to five seconds', () => {
    expect(emitEvery(1_000, 40_000)).toBe(2_000);
    expect(emitEvery(1_000, 100_000)).toBe(5_000);
    expect(emitEvery(1_000, 1_000_000)).toBe(5_000);
  });

  it('never waits when asked not to (tests)', () => {
    expect(emitEvery(0, 100_000)).toBe(0);
  });
});
