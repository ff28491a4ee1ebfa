import type { EvaluationItem } from './evaluation-item';

/** A document for the tests: `predicted` as [class, confidence] pairs, highest first. */
export function item(
  id: string,
  labels: string[],
  predicted: [string, number][],
  failed = false,
): EvaluationItem {
  return {
    id,
    labels,
    predicted: predicted.map(([category, confidence]) => ({ category, confidence })),
    failed,
  };
}

/**
 * Single label: A and B are predicted and labelled, C is only a label, D only a prediction; d6 got no
 * class from the model, d7 has no label and d8 failed (neither is evaluated).
 */
export const singleItems: EvaluationItem[] = [
  item(
    'd1',
    ['A'],
    [
      ['A', 0.9],
      ['B', 0.1],
    ],
  ),
  item('d2', ['A'], [['B', 0.6]]),
  item('d3', ['B'], [['B', 0.8]]),
  item('d4', ['B'], [['A', 0.4]]),
  item('d5', ['C'], [['B', 0.3]]),
  item('d6', ['A'], []),
  item('d7', [], [['A', 0.99]]),
  item('d8', ['A'], [], true),
  item('d9', ['A'], [['D', 0.7]]),
];

/** Multi label: D is only a label, E only a prediction; m5 got nothing, m6 has no label, m7 failed. */
export const multiItems: EvaluationItem[] = [
  item(
    'm1',
    ['A', 'B'],
    [
      ['A', 0.9],
      ['B', 0.6],
      ['C', 0.2],
    ],
  ),
  item('m2', ['A'], [['A', 0.8]]),
  item('m3', ['C'], [['B', 0.7]]),
  item('m4', ['B', 'D'], [['B', 0.55]]),
  item('m5', ['A'], []),
  item('m6', [], [['A', 0.9]]),
  item('m7', ['A'], [], true),
  item(
    'm8',
    ['A', 'A'],
    [
      ['A', 0.95],
      ['E', 0.3],
    ],
  ),
];
