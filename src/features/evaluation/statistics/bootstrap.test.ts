import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { item, singleItems, multiItems } from '../test-items';
import {
  bootstrapMetrics,
  encodeEvaluation,
  pairedDifferenceInterval,
  percentileInterval,
} from './bootstrap';
import { ONLY_OTHER, ONLY_THIS, BOTH_RIGHT } from './paired-outcomes';
import { seededRandom } from './seeded-random';

/** A number within `10^-digits / 2` of `value`, inside toEqual (typed, unlike expect.closeTo). */
const closeTo = (value: number, digits = 2): unknown => expect.closeTo(value, digits);

describe('percentileInterval', () => {
  it('interpolates like numpy.percentile (1…10 → 1.225 and 9.775)', () => {
    const values = Float64Array.from([10, 3, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(percentileInterval(values)).toEqual({
      low: closeTo(1.225, 12),
      high: closeTo(9.775, 12),
    });
    expect(percentileInterval(new Float64Array())).toBeUndefined();
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const drawn = Array.from({ length: 1000 }, () => a());
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...drawn)).toBeLessThan(1);
  });
});

describe('bootstrapMetrics', () => {
  const encoded = encodeEvaluation(singleItems, 'single', 0);

  it('encodes the classes of the per-class table, in its order', () => {
    expect(encoded.classes).toEqual(
      evaluate(singleItems, 'single', 0).classes.map((c) => c.category),
    );
  });

  it('is the same for the same documents (seeded) and holds the figure itself', () => {
    const first = bootstrapMetrics(encoded);
    expect(bootstrapMetrics(encoded)).toEqual(first);
    expect(first.resamples).toBe(1_000);
    const { macro, micro } = evaluate(singleItems, 'single', 0);
    expect(first.macro.f1?.low).toBeLessThanOrEqual(macro.f1);
    expect(first.macro.f1?.high).toBeGreaterThanOrEqual(macro.f1);
    expect(first.micro.f1?.low).toBeLessThanOrEqual(micro.f1);
    expect(first.micro.f1?.high).toBeGreaterThanOrEqual(micro.f1);
  });

  it('collapses to the figure when every document is right, and to 0 for a class never predicted', () => {
    const items = [
      ...Array.from({ length: 20 }, (_, i) => item(`a${i}`, ['A'], [['A', 0.9]])),
      ...Array.from({ length: 20 }, (_, i) => item(`n${i}`, ['Never'], [['A', 0.9]])),
    ];
    const result = bootstrapMetrics(encodeEvaluation(items, 'single', 0));
    expect(result.classF1.Never).toEqual({ low: 0, high: 0 });
    const allRight = bootstrapMetrics(encodeEvaluation(items.slice(0, 20), 'single', 0));
    expect(allRight.macro.f1).toEqual({ low: 1, high: 1 });
  });

  it('has no interval without documents', () => {
    const result = bootstrapMetrics(encodeEvaluation([], 'single', 0));
    expect(result.resamples).toBe(0);
    expect(result.macro.f1).toBeUndefined();
  });

  it('resamples multi-label documents with all their decisions', () => {
    const result = bootstrapMetrics(encodeEvaluation(multiItems, 'multi', 0.5));
    const { micro } = evaluate(multiItems, 'multi', 0.5);
    expect(result.micro.f1?.low).toBeLessThanOrEqual(micro.f1);
    expect(result.micro.f1?.high).toBeGreaterThanOrEqual(micro.f1);
  });

  it('agrees with the normal approximation on a large sample (accuracy 0.8 of 2,000)', () => {
    // One class: micro recall = accuracy, a proportion; its bootstrap interval should be close to
    // p ± 1.96 √(p(1 − p)/n) = 0.8 ± 0.01753.
    const items = Array.from({ length: 2_000 }, (_, i) =>
      item(`d${i}`, ['A'], i % 5 === 0 ? [] : [['A', 0.9]]),
    );
    const result = bootstrapMetrics(encodeEvaluation(items, 'single', 0));
    expect(result.micro.recall?.low).toBeCloseTo(0.8 - 0.01753, 2);
    expect(result.micro.recall?.high).toBeCloseTo(0.8 + 0.01753, 2);
  });
});

describe('pairedDifferenceInterval', () => {
  it('is 0 to 0 when the runs never disagree, and none without documents', () => {
    expect(pairedDifferenceInterval(new Uint8Array(30).fill(BOTH_RIGHT))).toEqual({
      low: 0,
      high: 0,
    });
    expect(pairedDifferenceInterval(new Uint8Array())).toBeUndefined();
  });

  it('brackets the difference and lies above 0 when one run wins clearly', () => {
    const outcomes = Uint8Array.from([
      ...new Array<number>(60).fill(BOTH_RIGHT),
      ...new Array<number>(30).fill(ONLY_THIS),
      ...new Array<number>(10).fill(ONLY_OTHER),
    ]);
    const interval = pairedDifferenceInterval(outcomes);
    expect(interval?.low).toBeGreaterThan(0);
    expect(interval?.low).toBeLessThan(0.2);
    expect(interval?.high).toBeGreaterThan(0.2);
  });
});
