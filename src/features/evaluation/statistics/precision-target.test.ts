import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { singleLabelMetrics } from '../single-label-metrics';
import { item, multiItems, singleItems } from '../test-items';
import { lowestThresholdFor, precisionByThreshold } from './precision-target';

describe('precision by threshold', () => {
  it('agrees with evaluate at every slider step (single: accuracy on kept; multi: micro precision)', () => {
    const single = precisionByThreshold(singleItems, 'single');
    const multi = precisionByThreshold(multiItems, 'multi');
    expect(single).toHaveLength(101);
    for (const step of [0, 30, 40, 41, 60, 61, 80, 90, 100]) {
      const threshold = step / 100;
      const one = singleLabelMetrics(singleItems, threshold);
      expect(single[step]).toEqual({
        threshold,
        precision: one.keptAccuracy,
        coverage: one.coverage,
      });
      const many = evaluate(multiItems, 'multi', threshold);
      expect(multi[step]?.precision).toBeCloseTo(many.micro.precision, 12);
      expect(multi[step]?.coverage).toBeCloseTo(many.coverage, 12);
    }
  });

  it('finds the lowest threshold reaching the target, with its coverage', () => {
    const items = [
      item('a', ['A'], [['A', 0.95]]),
      item('b', ['A'], [['B', 0.7]]),
      item('c', ['A'], [['A', 0.6]]),
      item('d', ['B'], [['A', 0.3]]),
    ];
    const points = precisionByThreshold(items, 'single');
    // At 0.31–0.60: a, b, c kept, 2 of 3 right; at 0.61–0.70: a, b, 1 of 2; above 0.70: a alone.
    expect(lowestThresholdFor(points, 0.6)).toEqual({
      threshold: 0.31,
      precision: 2 / 3,
      coverage: 0.75,
    });
    expect(lowestThresholdFor(points, 0.9)).toEqual({
      threshold: 0.71,
      precision: 1,
      coverage: 0.25,
    });
    expect(lowestThresholdFor(points, 0.5)?.threshold).toBe(0);
    expect(
      lowestThresholdFor(precisionByThreshold([item('x', ['A'], [['B', 0.9]])], 'single'), 0.5),
    ).toBeUndefined();
  });
});
