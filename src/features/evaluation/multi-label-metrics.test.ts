import { describe, expect, it } from 'vitest';
import { multiLabelMetrics } from './multi-label-metrics';
import { item, multiItems } from './test-items';

function byClass(metrics: ReturnType<typeof multiLabelMetrics>) {
  return Object.fromEntries(metrics.classes.map((row) => [row.category, row]));
}

describe('multi-label metrics', () => {
  it('at threshold 0, scores every label decision, duplicate labels once', () => {
    const metrics = multiLabelMetrics(multiItems, 0);
    expect(metrics).toMatchObject({ evaluated: 6, kept: 5, exactMatches: 1, wrongDecisions: 6 });
    expect(metrics.exactMatch).toBeCloseTo(1 / 6);
    expect(metrics.coverage).toBeCloseTo(5 / 6);
    // 6 wrong decisions over 6 documents × 5 classes (A–E).
    expect(metrics.hammingLoss).toBeCloseTo(0.2);
    const rows = byClass(metrics);
    expect(Object.keys(rows)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(rows.A).toMatchObject({
      tp: 3,
      fp: 0,
      fn: 1,
      tn: 2,
      precision: 1,
      recall: 0.75,
      support: 4,
    });
    expect(rows.A?.f1).toBeCloseTo(6 / 7);
    expect(rows.B).toMatchObject({ tp: 2, fp: 1, fn: 0, tn: 3, recall: 1, f1: 0.8, support: 2 });
    expect(rows.C).toMatchObject({ tp: 0, fp: 1, fn: 1, tn: 4, f1: 0 });
    expect(rows.D).toMatchObject({ tp: 0, fp: 0, fn: 1, tn: 5, precision: 0, support: 1 });
    expect(rows.E).toMatchObject({ tp: 0, fp: 1, fn: 0, tn: 5, recall: 0, support: 0 });
    expect(metrics.micro).toEqual({ precision: 5 / 8, recall: 5 / 8, f1: 5 / 8, support: 8 });
    expect(metrics.macro.precision).toBeCloseTo(1 / 3);
    expect(metrics.macro.recall).toBeCloseTo(7 / 20);
    expect(metrics.macro.f1).toBeCloseTo(58 / 175);
    expect(metrics.keptMicroF1).toBeCloseTo(2 / 3);
  });

  it('at 60%, drops the classes below it (a confidence of exactly 60% stays)', () => {
    const metrics = multiLabelMetrics(multiItems, 0.6);
    expect(metrics).toMatchObject({ kept: 4, exactMatches: 3, exactMatch: 0.5, wrongDecisions: 5 });
    expect(metrics.classes.map((row) => row.category)).toEqual(['A', 'B', 'C', 'D']);
    expect(metrics.hammingLoss).toBeCloseTo(5 / 24);
    expect(metrics.coverage).toBeCloseTo(2 / 3);
    expect(metrics.keptMicroF1).toBeCloseTo(0.8);
    expect(byClass(metrics).B).toMatchObject({ tp: 1, fp: 1, fn: 1 });
  });

  it('at 100%, every label is missed', () => {
    const metrics = multiLabelMetrics(multiItems, 1);
    expect(metrics).toMatchObject({ kept: 0, coverage: 0, exactMatch: 0, keptMicroF1: 0 });
    expect(metrics.hammingLoss).toBeCloseTo(8 / 24);
    expect(metrics.micro.f1).toBe(0);
  });

  it('with no documents, every figure is 0', () => {
    expect(multiLabelMetrics([], 0)).toMatchObject({
      evaluated: 0,
      exactMatch: 0,
      hammingLoss: 0,
      coverage: 0,
      classes: [],
    });
  });

  it('a perfect prediction of several labels is an exact match with no loss', () => {
    const metrics = multiLabelMetrics(
      [
        item(
          'x',
          ['A', 'B'],
          [
            ['B', 0.9],
            ['A', 0.8],
          ],
        ),
      ],
      0,
    );
    expect(metrics).toMatchObject({ exactMatch: 1, hammingLoss: 0 });
    expect(metrics.micro.f1).toBe(1);
  });
});
