import { describe, expect, it } from 'vitest';
import { item } from '../test-items';
import { likelyLabelErrors } from './label-errors';

/** A number within `10^-digits / 2` of `value`, inside toEqual (typed, unlike expect.closeTo). */
const closeTo = (value: number, digits = 2): unknown => expect.closeTo(value, digits);

describe('likelyLabelErrors', () => {
  // Mean confidence of this run's predictions: A (0.9 + 0.5 + 0.7) / 3 = 0.7; B (0.8 + 0.6) / 2 = 0.7.
  const items = [
    item('d1', ['A'], [['A', 0.9]]),
    item('d2', ['B'], [['A', 0.5]]), // below A's mean: a model error, not a label error
    item('d3', ['B'], [['A', 0.7]]), // exactly A's mean: included
    item('d4', ['A'], [['B', 0.8]]), // above B's mean: included
    item('d5', [], [['B', 0.6]]), // unlabelled: counts towards B's mean only
    item('d6', ['C'], [], true), // failed
    item('d7', ['C'], []), // no class: the model says nothing
  ];

  it('lists exactly the contradicted labels at or above the class mean, most confident first', () => {
    expect(likelyLabelErrors(items, 'single')).toEqual([
      { id: 'd4', labels: ['A'], predicted: 'B', confidence: 0.8, classMean: 0.7 },
      { id: 'd3', labels: ['B'], predicted: 'A', confidence: 0.7, classMean: closeTo(0.7) },
    ]);
  });

  it('finds none when every document is right, or a class is never predicted', () => {
    expect(likelyLabelErrors([item('a', ['A'], [['A', 0.9]])], 'single')).toEqual([]);
    expect(likelyLabelErrors([item('a', ['Never'], [])], 'single')).toEqual([]);
  });

  it('multi label: a returned class that is not a label', () => {
    const multi = [
      item(
        'm1',
        ['A'],
        [
          ['A', 0.9],
          ['B', 0.8],
        ],
      ),
      item('m2', ['B'], [['B', 0.4]]),
    ];
    expect(likelyLabelErrors(multi, 'multi')).toEqual([
      { id: 'm1', labels: ['A'], predicted: 'B', confidence: 0.8, classMean: closeTo(0.6) },
    ]);
  });
});
