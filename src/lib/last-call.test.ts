import { describe, expect, it, vi } from 'vitest';
import { keptWhileSame, lastCall } from './last-call';

describe('lastCall', () => {
  it('answers the same arguments from its memory, and works out new ones', () => {
    const compute = vi.fn((items: readonly number[], factor: number) =>
      items.map((n) => n * factor),
    );
    const cached = lastCall(compute);
    const items = [1, 2];
    const first = cached(items, 2);
    expect(cached(items, 2)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cached(items, 3)).toEqual([3, 6]);
    expect(cached([1, 2], 3)).toEqual([3, 6]);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('keeps the last two, as a deferred value alternates between them', () => {
    const compute = vi.fn((items: readonly number[]) => items.length);
    const cached = lastCall(compute);
    const shown = [1];
    const next = [1, 2];
    for (let render = 0; render < 3; render++) {
      cached(shown);
      cached(next);
    }
    expect(compute).toHaveBeenCalledTimes(2);
    cached([1, 2, 3]);
    cached(next);
    expect(compute).toHaveBeenCalledTimes(3);
    cached(shown);
    expect(compute).toHaveBeenCalledTimes(4);
  });
});

describe('keptWhileSame', () => {
  const sameNames = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((name, i) => name === b[i]);

  it('gives back the kept list while a new one reads the same, and takes one that differs', () => {
    const keep = keptWhileSame(sameNames);
    const first = keep(['Run A', 'Run B']);
    expect(keep(['Run A', 'Run B'])).toBe(first);
    const renamed = ['Run A', 'Run C'];
    expect(keep(renamed)).toBe(renamed);
    expect(keep(['Run A', 'Run C'])).toBe(renamed);
  });
});
