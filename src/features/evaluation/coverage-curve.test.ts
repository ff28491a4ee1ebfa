import { describe, expect, it } from 'vitest';
import type { LabelMode } from '../../service/model';
import { coverageCurve, curvePointAt } from './coverage-curve';
import { evaluate } from './evaluate';
import type { EvaluationItem } from './evaluation-item';
import { item, multiItems, singleItems } from './test-items';

function rounded(curve: ReturnType<typeof coverageCurve>) {
  return curve.map((point) => [point.threshold, point.kept, Number(point.value.toFixed(4))]);
}

/** A small deterministic generator, so the comparison with `evaluate` covers many shapes. */
function randomItems(count: number, labelMode: LabelMode): EvaluationItem[] {
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const classes = ['A', 'B', 'C', 'D'];
  const pick = () => classes[Math.floor(next() * classes.length)] ?? 'A';
  return Array.from({ length: count }, (_, index) => {
    const scores = classes
      .filter(() => next() < 0.5)
      // Two decimals, so confidences repeat and ties are swept together.
      .map((category): [string, number] => [category, Math.round(next() * 100) / 100])
      .sort((a, b) => b[1] - a[1]);
    const labels = next() < 0.1 ? [] : labelMode === 'single' ? [pick()] : [pick(), pick()];
    return item(`r${index}`, labels, scores, next() < 0.05);
  });
}

describe('coverage curve', () => {
  it('single label: accuracy on the kept documents at 0 and at every top confidence', () => {
    const curve = coverageCurve(singleItems, 'single');
    expect(rounded(curve)).toEqual([
      [0, 6, 0.3333],
      [0.3, 6, 0.3333],
      [0.4, 5, 0.4],
      [0.6, 4, 0.5],
      [0.7, 3, 0.6667],
      [0.8, 2, 1],
      [0.9, 1, 1],
    ]);
    expect(curve[0]?.coverage).toBeCloseTo(6 / 7);
  });

  it('multi label: micro F1 on the kept documents', () => {
    const curve = coverageCurve(multiItems, 'multi');
    expect(curvePointAt(curve, 0)).toMatchObject({ kept: 5 });
    expect(curvePointAt(curve, 0).value).toBeCloseTo(2 / 3);
    expect(curvePointAt(curve, 0.6)).toMatchObject({ threshold: 0.6, kept: 4, value: 0.8 });
    expect(curvePointAt(curve, 0.6).coverage).toBeCloseTo(2 / 3);
  });

  it('finds the point in effect between confidences and above the highest', () => {
    const curve = coverageCurve(singleItems, 'single');
    expect(curvePointAt(curve, 0.5).threshold).toBe(0.6);
    expect(curvePointAt(curve, 0.9).threshold).toBe(0.9);
    expect(curvePointAt(curve, 1)).toEqual({ threshold: 1, coverage: 0, value: 0, kept: 0 });
  });

  it('is empty without evaluated documents', () => {
    expect(coverageCurve([], 'single')).toEqual([]);
    expect(coverageCurve([item('x', [], [['A', 1]])], 'multi')).toEqual([]);
    expect(curvePointAt([], 0)).toEqual({ threshold: 0, coverage: 0, value: 0, kept: 0 });
  });

  it.each<LabelMode>(['single', 'multi'])(
    '%s label: agrees with evaluate at every threshold',
    (mode) => {
      const items = randomItems(300, mode);
      const curve = coverageCurve(items, mode);
      for (let percent = 0; percent <= 100; percent += 1) {
        const threshold = percent / 100;
        const metrics = evaluate(items, mode, threshold);
        const point = curvePointAt(curve, threshold);
        expect(point.coverage).toBeCloseTo(metrics.coverage);
        const value = metrics.mode === 'single' ? metrics.keptAccuracy : metrics.keptMicroF1;
        expect(point.value).toBeCloseTo(value);
      }
    },
  );
});
