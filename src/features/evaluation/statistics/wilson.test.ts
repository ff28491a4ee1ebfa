import { describe, expect, it } from 'vitest';
import { formatInterval, formatWithInterval, wilsonInterval } from './wilson';

/** A number within `10^-digits / 2` of `value`, inside toEqual (typed, unlike expect.closeTo). */
const closeTo = (value: number, digits = 2): unknown => expect.closeTo(value, digits);

// Reference values: scipy 1.17.1, scipy.stats.binomtest(k, n).proportion_ci(0.95, method='wilson');
// 81/263 and 15/148 are also Newcombe (1998), Statistics in Medicine 17:857, table I, method 3.
const REFERENCE: [number, number, number, number][] = [
  [35, 40, 0.738878801611489, 0.945404997490546],
  [81, 263, 0.2552885198782742, 0.36620957698280004],
  [15, 148, 0.06238639953073629, 0.16048724172330803],
  [50, 60, 0.7196838683638547, 0.9068682302080855],
  [1, 29, 0.006113214292762667, 0.17175521879320282],
];

describe('wilsonInterval', () => {
  it.each(REFERENCE)('%i of %i matches scipy', (k, n, low, high) => {
    const interval = wilsonInterval(k, n);
    expect(interval?.low).toBeCloseTo(low, 12);
    expect(interval?.high).toBeCloseTo(high, 12);
  });

  it('is exact at 0 and at n successes (scipy: 0/10 → 0–0.27753, 10/10 → 0.72247–1)', () => {
    expect(wilsonInterval(0, 10)).toEqual({
      low: 0,
      high: closeTo(0.27753279986288926, 12),
    });
    expect(wilsonInterval(10, 10)).toEqual({
      low: closeTo(0.7224672001371109, 12),
      high: 1,
    });
  });

  it('works for a single document (scipy: 1/1 → 0.20655–1, 0/1 → 0–0.79345)', () => {
    expect(wilsonInterval(1, 1)?.low).toBeCloseTo(0.20654931437723745, 12);
    expect(wilsonInterval(0, 1)?.high).toBeCloseTo(0.7934506856227626, 12);
  });

  it('has no interval without trials', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it('is written with one decimal like the figure', () => {
    expect(formatWithInterval(35 / 40, wilsonInterval(35, 40))).toBe('87.5% (95% CI 73.9–94.5%)');
    expect(formatInterval(undefined)).toBe('');
  });
});
