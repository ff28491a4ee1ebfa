import { describe, expect, it } from 'vitest';
import { countMatrix, matrixCellIds, OTHER, shownClasses, type CountMatrix } from './count-matrix';
import { evaluate } from './evaluate';
import { EvaluationAccumulator } from './evaluation-accumulator';
import type { EvaluationItem } from './evaluation-item';
import { foldClasses } from './fold-classes';
import { multiItems, singleItems, item } from './test-items';
import { singleLabelMetrics } from './single-label-metrics';

/** 120 documents over 60 labels: class c0 is the most frequent, c59 the least. */
function manyClasses(): EvaluationItem[] {
  const items: EvaluationItem[] = [];
  for (let index = 0; index < 120; index++) {
    const label = `c${Math.floor(Math.sqrt(index * 30))}`;
    const predicted = index % 4 === 0 ? 'c0' : label;
    items.push(item(`d${index}`, [label], [[predicted, (index % 10) / 10]]));
  }
  return items;
}

/** The matrix without its ids function, and every cell's ids, for comparing two matrices. */
function matrixFacts(matrix: CountMatrix) {
  const { ids: _ids, ...rest } = matrix;
  const cells = matrix.rows.map((row) =>
    matrix.columns.map((column) => matrixCellIds(matrix, row, column).sort()),
  );
  return { ...rest, cells };
}

function facts(evaluation: ReturnType<typeof evaluate>) {
  if (evaluation.mode === 'multi') return evaluation;
  const { confusion, ...rest } = evaluation;
  return { ...rest, confusion: matrixFacts(confusion) };
}

describe('folding to the most frequent classes', () => {
  it('keeps every class when there are no more than the limit', () => {
    const matrix = countMatrix(
      [
        { id: 'a', row: 'A', column: 'B' },
        { id: 'b', row: 'B', column: null },
      ],
      { noClassName: 'No class', limit: 2 },
    );
    expect(matrix.rows).toEqual(['A', 'B']);
    expect(matrix.columns).toEqual(['B', null]);
    expect(matrix.otherClasses).toBe(0);
  });

  it('lists the most frequent classes by name, then Other, then no class, and sums the rest', () => {
    const matrix = countMatrix(
      [
        { id: '1', row: 'A', column: 'A' },
        { id: '2', row: 'A', column: 'A' },
        { id: '3', row: 'B', column: 'A' },
        { id: '4', row: 'B', column: 'Z' },
        { id: '5', row: 'C', column: null },
        { id: '6', row: 'D', column: 'C' },
      ],
      { noClassName: 'No class', limit: 2 },
    );
    // Frequency (row + column documents): A 5, B 2, C 2, Z 1, D 1; B wins the tie with C by name.
    expect(matrix.rows).toEqual(['A', 'B', OTHER]);
    expect(matrix.columns).toEqual(['A', OTHER, null]);
    expect(matrix.counts).toEqual([
      [2, 0, 0],
      [1, 1, 0],
      [0, 1, 1],
    ]);
    expect(matrix.otherClasses).toBe(3);
    expect(matrixCellIds(matrix, 'B', OTHER)).toEqual(['4']);
    expect(matrixCellIds(matrix, OTHER, OTHER)).toEqual(['6']);
    expect(matrixCellIds(matrix, OTHER, null)).toEqual(['5']);
  });

  it('sums the classes beyond the limit into one per-class row with micro figures', () => {
    const { classes } = singleLabelMetrics(singleItems, 0, Infinity);
    // A: TP 1 FN 3 (freq 5); B: TP 1 FP 2 FN 1 (5); C: FN 1 (1); D: FP 1 (1).
    const folded = foldClasses(classes, 2);
    expect(folded.shown.map((row) => row.category)).toEqual(['A', 'B']);
    expect(folded.other).toEqual({
      classes: 2,
      tp: 0,
      fp: 1,
      fn: 1,
      precision: 0,
      recall: 0,
      f1: 0,
      support: 1,
    });
    expect(foldClasses(classes, 4)).toEqual({ shown: classes });
  });

  it('picks the same classes as sorting them all would, ties by name, whatever their order', () => {
    // A fixed pseudo-random sequence: frequencies with many ties, names in a shuffled order.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (const [classes, limit] of [
      [60, 50],
      [500, 50],
      [2000, 7],
      [51, 50],
    ] as const) {
      const frequency = new Map<string, number>();
      for (let index = 0; index < classes; index++) {
        frequency.set(`class ${next() % 100_000}`, next() % 5);
      }
      const sorted = [...frequency]
        .sort(([a, left], [b, right]) => right - left || a.localeCompare(b))
        .slice(0, limit)
        .map(([name]) => name);
      const compare = (a: string, b: string) => a.localeCompare(b);
      expect([...(shownClasses(frequency, limit, compare) ?? [])]).toEqual(sorted);
    }
  });

  it('never builds classes × classes cells: 10,000 labels make a matrix of at most 51 rows', () => {
    const items = Array.from({ length: 10_000 }, (_, index) =>
      item(`d${index}`, [`label ${index}`], [[`label ${(index * 7) % 10_000}`, 0.9]]),
    );
    const started = performance.now();
    const { confusion, folded } = singleLabelMetrics(items, 0, 50);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(confusion.rows).toHaveLength(51);
    expect(confusion.columns).toHaveLength(51);
    expect(confusion.otherClasses).toBe(9_950);
    expect(folded?.shown).toHaveLength(50);
    expect(folded?.other?.classes).toBe(9_950);
  });
});

describe('EvaluationAccumulator', () => {
  it.each([
    ['single', singleItems],
    ['multi', multiItems],
    ['single', manyClasses()],
  ] as const)(
    'fed results a few at a time (%s label) equals the evaluation rebuilt in full',
    (labelMode, items) => {
      for (const threshold of [0, 0.5]) {
        const accumulator = new EvaluationAccumulator(labelMode, threshold);
        for (let end = 0; end <= items.length; end += 3) {
          accumulator.update(items.slice(0, end));
          expect(facts(accumulator.snapshot(10))).toEqual(
            facts(evaluate(items.slice(0, end), labelMode, threshold, 10)),
          );
        }
        accumulator.update(items);
        expect(facts(accumulator.snapshot(10))).toEqual(
          facts(evaluate(items, labelMode, threshold, 10)),
        );
      }
    },
  );

  it.each([
    ['single', singleItems],
    ['multi', multiItems],
    ['single', manyClasses()],
  ] as const)(
    'a threshold moved up and down (%s label) equals the evaluation at that threshold',
    (labelMode, items) => {
      const accumulator = new EvaluationAccumulator(labelMode, 0);
      accumulator.update(items.slice(0, Math.ceil(items.length / 2)));
      for (const threshold of [0.5, 0.9, 0.3, 1, 0, 0.7, 0.7, 0.65]) {
        accumulator.moveTo(threshold);
        expect(accumulator.threshold).toBe(threshold);
        accumulator.update(items);
        expect(facts(accumulator.snapshot(10))).toEqual(
          facts(evaluate(items, labelMode, threshold, 10)),
        );
        // The matrix's cells list the documents placed at the new threshold.
        const moved = accumulator.snapshot(10);
        const fresh = evaluate(items, labelMode, threshold, 10);
        if (moved.mode === 'single' && fresh.mode === 'single') {
          for (const row of moved.confusion.rows)
            for (const column of moved.confusion.columns)
              expect(moved.confusion.ids(row, column).sort()).toEqual(
                fresh.confusion.ids(row, column).sort(),
              );
        }
      }
    },
  );

  it("keeps a snapshot's cell ids to the documents it counted, whatever is counted after", () => {
    // React keeps two renders' snapshots (the shown one and the deferred one): a cell clicked in
    // one must list its own documents even after the accumulator counted other items.
    const accumulator = new EvaluationAccumulator('single', 0);
    accumulator.update(singleItems);
    const shown = accumulator.snapshot();
    accumulator.update([]);
    accumulator.moveTo(0.9);
    const fresh = evaluate(singleItems, 'single', 0);
    if (shown.mode !== 'single' || fresh.mode !== 'single') throw new Error('single label');
    for (const row of shown.confusion.rows)
      for (const column of shown.confusion.columns)
        expect(shown.confusion.ids(row, column).sort()).toEqual(
          fresh.confusion.ids(row, column).sort(),
        );
    expect(shown.confusion.ids('A', 'A').length).toBeGreaterThan(0);
  });

  it('takes back documents that are gone or replaced (a correction, a job sent again)', () => {
    const accumulator = new EvaluationAccumulator('single', 0);
    accumulator.update(singleItems);
    const corrected = singleItems.map((one) => (one.id === 'd2' ? { ...one, labels: ['B'] } : one));
    const fewer = corrected.filter((one) => one.id !== 'd9');
    accumulator.update(fewer);
    expect(facts(accumulator.snapshot())).toEqual(facts(evaluate(fewer, 'single', 0)));
    accumulator.update([]);
    expect(facts(accumulator.snapshot())).toEqual(facts(evaluate([], 'single', 0)));
  });

  it('counts only what is new: an unchanged document is not counted again', () => {
    const accumulator = new EvaluationAccumulator('single', 0);
    accumulator.update(singleItems);
    const before = accumulator.snapshot();
    accumulator.update(singleItems);
    accumulator.update([...singleItems]);
    expect(facts(accumulator.snapshot())).toEqual(facts(before));
  });
});
