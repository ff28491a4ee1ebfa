import { describe, expect, it } from 'vitest';
import { matrixCellIds } from './count-matrix';
import { singleLabelMetrics } from './single-label-metrics';
import { item, singleItems } from './test-items';

function byClass(metrics: ReturnType<typeof singleLabelMetrics>) {
  return Object.fromEntries(metrics.classes.map((row) => [row.category, row]));
}

describe('single-label metrics', () => {
  it('at threshold 0, counts every evaluated document, with classes only in labels or predictions', () => {
    const metrics = singleLabelMetrics(singleItems, 0);
    expect(metrics).toMatchObject({ evaluated: 7, kept: 6, correct: 2 });
    expect(metrics.accuracy).toBeCloseTo(2 / 7);
    expect(metrics.keptAccuracy).toBeCloseTo(2 / 6);
    expect(metrics.coverage).toBeCloseTo(6 / 7);
    const rows = byClass(metrics);
    expect(Object.keys(rows)).toEqual(['A', 'B', 'C', 'D']);
    expect(rows.A).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 3,
      tn: 2,
      precision: 0.5,
      recall: 0.25,
      support: 4,
    });
    expect(rows.A?.f1).toBeCloseTo(1 / 3);
    expect(rows.B).toMatchObject({ tp: 1, fp: 2, fn: 1, recall: 0.5, support: 2 });
    expect(rows.B?.precision).toBeCloseTo(1 / 3);
    expect(rows.B?.f1).toBeCloseTo(2 / 5);
    // Only a label: never predicted, so precision is 0 / 0, counted as 0.
    expect(rows.C).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    // Only a prediction: no support, so recall is 0 / 0, counted as 0.
    expect(rows.D).toMatchObject({ fp: 1, precision: 0, recall: 0, f1: 0, support: 0 });
    expect(metrics.micro.precision).toBeCloseTo(metrics.keptAccuracy);
    expect(metrics.micro.recall).toBeCloseTo(metrics.accuracy);
    expect(metrics.micro.f1).toBeCloseTo(4 / 13);
    expect(metrics.micro.support).toBe(7);
    expect(metrics.macro.precision).toBeCloseTo(5 / 24);
    expect(metrics.macro.recall).toBeCloseTo(3 / 16);
    expect(metrics.macro.f1).toBeCloseTo(11 / 60);
  });

  it('builds the confusion matrix with a no-class column for what the model left unclassified', () => {
    const { confusion } = singleLabelMetrics(singleItems, 0);
    expect(confusion.rows).toEqual(['A', 'B', 'C']);
    expect(confusion.columns).toEqual(['A', 'B', 'C', 'D', null]);
    expect(confusion.noClassName).toBe('No class');
    expect(confusion.counts).toEqual([
      [1, 1, 0, 1, 1],
      [1, 1, 0, 0, 0],
      [0, 1, 0, 0, 0],
    ]);
    expect(matrixCellIds(confusion, 'A', 'B')).toEqual(['d2']);
    expect(matrixCellIds(confusion, 'A', null)).toEqual(['d6']);
    expect(matrixCellIds(confusion, 'Z', 'A')).toEqual([]);
  });

  it('at 50%, counts the documents below it as without a class', () => {
    const metrics = singleLabelMetrics(singleItems, 0.5);
    expect(metrics).toMatchObject({ evaluated: 7, kept: 4, correct: 2, keptAccuracy: 0.5 });
    expect(metrics.accuracy).toBeCloseTo(2 / 7);
    expect(metrics.coverage).toBeCloseTo(4 / 7);
    const rows = byClass(metrics);
    expect(rows.A).toMatchObject({ tp: 1, fp: 0, fn: 3, precision: 1, recall: 0.25, f1: 0.4 });
    expect(rows.B).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(metrics.confusion.noClassName).toBe('Below threshold');
    expect(matrixCellIds(metrics.confusion, 'B', null)).toEqual(['d4']);
    expect(matrixCellIds(metrics.confusion, 'C', null)).toEqual(['d5']);
  });

  it('at 100%, keeps nothing and lists only the labelled classes', () => {
    const metrics = singleLabelMetrics(singleItems, 1);
    expect(metrics).toMatchObject({
      kept: 0,
      correct: 0,
      accuracy: 0,
      keptAccuracy: 0,
      coverage: 0,
    });
    expect(metrics.classes.map((row) => row.category)).toEqual(['A', 'B', 'C']);
    expect(metrics.micro).toEqual({ precision: 0, recall: 0, f1: 0, support: 7 });
    expect(metrics.confusion.columns).toEqual(['A', 'B', 'C', null]);
  });

  it('with no documents, every figure is 0', () => {
    const metrics = singleLabelMetrics([], 0);
    expect(metrics).toMatchObject({ evaluated: 0, accuracy: 0, coverage: 0, classes: [] });
    expect(metrics.macro).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(metrics.confusion.rows).toEqual([]);
  });

  it('uses the first of several labels', () => {
    const metrics = singleLabelMetrics([item('x', ['B', 'A'], [['A', 0.9]])], 0);
    expect(metrics.accuracy).toBe(0);
    expect(metrics.confusion.rows).toEqual(['B']);
  });
});
