// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluationRefreshMs, usePacedItems } from './evaluation-pace';

describe('evaluationRefreshMs', () => {
  it.each([
    [0, 0],
    [100, 10],
    [1_000, 100],
    [10_000, 1_000],
    [100_000, 2_000],
  ])('%i documents: %i ms', (documents, ms) => {
    expect(evaluationRefreshMs(documents)).toBe(ms);
  });
});

describe('usePacedItems', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const batch = (size: number) => Array.from({ length: size }, (_, index) => index);

  it('passes items through at once when the run is not filling', () => {
    const first = batch(10_000);
    const { result, rerender } = renderHook(({ items, filling }) => usePacedItems(items, filling), {
      initialProps: { items: first, filling: false },
    });
    expect(result.current).toBe(first);
    const next = batch(10_001);
    rerender({ items: next, filling: false });
    expect(result.current).toBe(next);
  });

  it('refreshes a filling run at most once a wait, with the newest items, never starved', () => {
    let items = batch(10_000);
    const { result, rerender } = renderHook(({ items: current }) => usePacedItems(current, true), {
      initialProps: { items },
    });
    expect(result.current).toBe(items);
    // The first new results are taken at once.
    items = batch(9_999);
    rerender({ items });
    act(() => void vi.advanceTimersByTime(0));
    expect(result.current).toBe(items);
    const shown = items;
    // New results every 100 ms: the evaluation keeps what it had until 1 s has passed.
    for (let step = 1; step <= 9; step++) {
      items = batch(10_000 + step);
      rerender({ items });
      act(() => void vi.advanceTimersByTime(100));
      expect(result.current).toBe(shown);
    }
    // 10,010 documents: a wait of 1,001 ms, due 101 ms after these results.
    items = batch(10_010);
    rerender({ items });
    act(() => void vi.advanceTimersByTime(100));
    expect(result.current).toBe(shown);
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe(items);
  });

  it('shows the last items as soon as the run stops filling', () => {
    const first = batch(10_000);
    const { result, rerender } = renderHook(({ items, filling }) => usePacedItems(items, filling), {
      initialProps: { items: first, filling: true },
    });
    rerender({ items: batch(10_000), filling: true });
    act(() => void vi.advanceTimersByTime(0));
    const last = batch(10_001);
    rerender({ items: last, filling: true });
    expect(result.current).not.toBe(last);
    rerender({ items: last, filling: false });
    expect(result.current).toBe(last);
  });
});
