import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedFlush, type FlushTimer } from './coalesced-flush';

/** The page's timers, which the fake timers below stand in for. */
const pageTimer: FlushTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer),
};

describe('a coalesced flush', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it.each([
    { wait: 0, when: 'in a microtask', flushedAfterMs: 0 },
    { wait: -5, when: 'in a microtask (a wait already over)', flushedAfterMs: 0 },
    { wait: 250, when: 'after its wait', flushedAfterMs: 250 },
  ])(
    'flushes $when, once for every change asked for meanwhile',
    async ({ wait, flushedAfterMs }) => {
      const flush = vi.fn();
      const flusher = coalescedFlush(flush, pageTimer);
      flusher.schedule(wait);
      flusher.schedule(0);
      flusher.schedule(wait);
      expect(flusher.pending).toBe(true);
      if (flushedAfterMs > 0) {
        vi.advanceTimersByTime(flushedAfterMs - 1);
        await Promise.resolve();
        expect(flush).not.toHaveBeenCalled();
        vi.advanceTimersByTime(1);
      } else {
        await Promise.resolve();
      }
      expect(flush).toHaveBeenCalledTimes(1);
      expect(flusher.pending).toBe(false);
    },
  );

  it('may be asked for again once it has run, including from the flush itself', async () => {
    const flush = vi.fn();
    const flusher = coalescedFlush(() => {
      flush();
      if (flush.mock.calls.length < 2) flusher.schedule(0);
    }, pageTimer);
    flusher.schedule(0);
    await Promise.resolve();
    await Promise.resolve();
    expect(flush).toHaveBeenCalledTimes(2);
    expect(flusher.pending).toBe(false);
  });

  it.each([0, 100])('does not flush once cancelled (wait %i ms)', async (wait) => {
    const flush = vi.fn();
    const flusher = coalescedFlush(flush, pageTimer);
    flusher.schedule(wait);
    flusher.cancel();
    vi.advanceTimersByTime(wait);
    await Promise.resolve();
    expect(flush).not.toHaveBeenCalled();
    expect(flusher.pending).toBe(false);
  });

  it('waits on the timer it is given', () => {
    const waits: number[] = [];
    const timer: FlushTimer = {
      setTimeout: (callback, ms) => {
        waits.push(ms);
        callback();
        return setTimeout(() => undefined, 0);
      },
      clearTimeout: vi.fn(),
    };
    const flush = vi.fn();
    coalescedFlush(flush, timer).schedule(40);
    expect(waits).toEqual([40]);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
