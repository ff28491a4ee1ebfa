import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare-runs';
import { matrixCellIds } from './count-matrix';
import { item } from './test-items';

const production = [
  item('d1', [], [['A', 0.9]]),
  item('d2', [], [['B', 0.6]]),
  item('d3', [], [], true),
  item('d4', [], [['A', 0.5]]),
  item('only-here', [], [['A', 0.9]]),
];
const staging = [
  item('d1', [], [['A', 0.8]]),
  item('d2', [], [['A', 0.7]]),
  item('d3', [], [['B', 0.9]]),
  item('d4', [], []),
  item('only-there', [], [['A', 0.9]]),
  item('d1', [], [['B', 0.8]]),
];

describe('compare runs', () => {
  it('compares the documents both runs have a result for', () => {
    const comparison = compareRuns(production, staging, 'single', 0);
    expect(comparison).toMatchObject({ shared: 3, agreed: 1 });
    expect(comparison.agreement).toBeCloseTo(1 / 3);
    expect(comparison.metrics).toBeUndefined();
    const { changes } = comparison;
    expect(changes.rows).toEqual(['A', 'B', null]);
    expect(changes.columns).toEqual(['A', 'B', null]);
    expect(matrixCellIds(changes, 'A', 'A')).toEqual(['d1']);
    expect(matrixCellIds(changes, 'B', 'A')).toEqual(['d2']);
    expect(matrixCellIds(changes, 'A', null)).toEqual(['d4']);
    expect(changes.noClassName).toBe('No class');
  });

  it('applies the threshold to both runs', () => {
    const comparison = compareRuns(production, staging, 'single', 0.75);
    // d1 A / A, d2 below / below, d4 below / nothing.
    expect(comparison).toMatchObject({ shared: 3, agreed: 3, agreement: 1 });
    expect(matrixCellIds(comparison.changes, null, null)).toEqual(['d2', 'd4']);
  });

  it('multi label: the same set of classes in any order agrees', () => {
    const here = [
      item(
        'x',
        ['A'],
        [
          ['A', 0.9],
          ['B', 0.8],
        ],
      ),
      item('y', ['B'], [['B', 0.9]]),
    ];
    const there = [
      item(
        'x',
        ['A'],
        [
          ['B', 0.7],
          ['A', 0.6],
        ],
      ),
      item('y', ['B'], [['A', 0.9]]),
    ];
    const comparison = compareRuns(here, there, 'multi', 0);
    expect(comparison).toMatchObject({ shared: 2, agreed: 1, agreement: 0.5 });
    // The changes matrix places a document by its top kept class.
    expect(matrixCellIds(comparison.changes, 'A', 'B')).toEqual(['x']);
    expect(matrixCellIds(comparison.changes, 'B', 'A')).toEqual(['y']);
    expect(comparison.metrics?.thisRun).toMatchObject({
      mode: 'multi',
      evaluated: 2,
      exactMatches: 1,
    });
    expect(comparison.metrics?.otherRun).toMatchObject({ exactMatches: 0 });
  });

  it('gives both runs’ metrics on the shared documents when they are labelled', () => {
    const labelled = (items: typeof production) =>
      items.map((entry) => ({ ...entry, labels: ['A'] }));
    const { metrics } = compareRuns(labelled(production), labelled(staging), 'single', 0);
    expect(metrics?.thisRun).toMatchObject({ evaluated: 3, correct: 2 });
    expect(metrics?.otherRun).toMatchObject({ evaluated: 3, correct: 2 });
  });

  it('has nothing to compare without shared documents', () => {
    const comparison = compareRuns([], staging, 'single', 0);
    expect(comparison).toMatchObject({ shared: 0, agreed: 0, agreement: 0 });
    expect(comparison.changes.rows).toEqual([]);
  });
});
