import { describe, expect, it } from 'vitest';
import { item } from './test-items';
import { isKept, keptClasses, lostToThreshold } from './threshold';

const scores = item(
  'x',
  [],
  [
    ['A', 0.6],
    ['B', 0.3],
    ['A', 0.2],
  ],
).predicted;

describe('threshold', () => {
  it('keeps a confidence equal to the threshold (>=)', () => {
    expect(isKept(0.6, 0.6)).toBe(true);
    expect(isKept(0.59, 0.6)).toBe(false);
    expect(isKept(0, 0)).toBe(true);
    expect(isKept(1, 1)).toBe(true);
  });

  it('single label keeps the top class or nothing', () => {
    expect(keptClasses(scores, 'single', 0)).toEqual(['A']);
    expect(keptClasses(scores, 'single', 0.6)).toEqual(['A']);
    expect(keptClasses(scores, 'single', 0.61)).toEqual([]);
    expect(keptClasses([], 'single', 0)).toEqual([]);
    expect(lostToThreshold(scores, 'single', 0.61)).toBe(true);
    expect(lostToThreshold([], 'single', 0.61)).toBe(false);
  });

  it('multi label drops the classes below it, each class once', () => {
    expect(keptClasses(scores, 'multi', 0)).toEqual(['A', 'B']);
    expect(keptClasses(scores, 'multi', 0.3)).toEqual(['A', 'B']);
    expect(keptClasses(scores, 'multi', 0.5)).toEqual(['A']);
    expect(keptClasses(scores, 'multi', 1)).toEqual([]);
    expect(lostToThreshold(scores, 'multi', 0)).toBe(false);
    expect(lostToThreshold(scores, 'multi', 0.25)).toBe(true);
  });
});
