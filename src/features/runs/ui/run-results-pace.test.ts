import { describe, expect, it } from 'vitest';
import { EMIT_EVERY_MS, emitEvery } from './run-results-pace';

describe('how often a run hands out its results', () => {
  it('hands out a run of usual size every frame', () => {
    expect(emitEvery(EMIT_EVERY_MS, 0)).toBe(16);
    expect(emitEvery(EMIT_EVERY_MS, 150)).toBe(16);
  });

  it('waits longer as results pile up, in proportion, up to five seconds', () => {
    expect(emitEvery(EMIT_EVERY_MS, 2_000)).toBe(200);
    expect(emitEvery(EMIT_EVERY_MS, 10_000)).toBe(1_000);
    expect(emitEvery(EMIT_EVERY_MS, 50_000)).toBe(5_000);
    expect(emitEvery(EMIT_EVERY_MS, 100_000)).toBe(5_000);
    expect(emitEvery(EMIT_EVERY_MS, 1_000_000)).toBe(5_000);
  });

  it('never waits when asked not to (tests)', () => {
    expect(emitEvery(0, 100_000)).toBe(0);
  });
});
