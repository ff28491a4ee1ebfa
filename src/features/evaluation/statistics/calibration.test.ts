import { describe, expect, it } from 'vitest';
import { item } from '../test-items';
import { binOf, calibration, calibrationDecisions, calibrationOf } from './calibration';

describe('calibration', () => {
  // Worked with numpy 2 (bins ⌊10c⌋, the last holding 1.0): bins 0, 4, 5, 8, 9 hold 1, 1, 1, 2, 2
  // decisions; ECE = 0.23857142857142855, MCE = 0.45.
  const decisions = [
    [0.95, true],
    [0.85, true],
    [0.82, false],
    [0.55, true],
    [0.45, false],
    [1.0, true],
    [0.05, false],
  ].map(([confidence, right]) => ({ confidence: Number(confidence), right: Boolean(right) }));

  it('matches the expected and maximum calibration error worked out by hand', () => {
    const result = calibrationOf(decisions);
    expect(result.decisions).toBe(7);
    expect(result.ece).toBeCloseTo(0.23857142857142855, 12);
    expect(result.mce).toBeCloseTo(0.45, 12);
    expect(result.bins[8]).toMatchObject({ count: 2, confidence: 0.835, accuracy: 0.5 });
    expect(result.bins[9]).toMatchObject({ count: 2, confidence: 0.975, accuracy: 1 });
  });

  it('leaves empty bins without a mean and out of ECE and MCE', () => {
    const result = calibrationOf(decisions);
    expect(result.bins[1]).toMatchObject({ count: 0, confidence: undefined, accuracy: undefined });
    expect(calibrationOf([])).toMatchObject({ decisions: 0, ece: 0, mce: 0 });
  });

  it('puts 1.0 in the last bin and each edge in the bin above it', () => {
    expect(binOf(1)).toBe(9);
    expect(binOf(0.9)).toBe(9);
    expect(binOf(0.3)).toBe(3);
    expect(binOf(0.0999)).toBe(0);
    expect(binOf(0)).toBe(0);
  });

  it('single label: the top class of each evaluated document, whatever the threshold', () => {
    const items = [
      item('a', ['A'], [['A', 0.9]]),
      item('b', ['A'], [['B', 0.6]]),
      item('c', ['A'], []),
      item('d', [], [['A', 0.99]]),
      item('e', ['A'], [['A', 0.9]], true),
    ];
    expect(calibrationDecisions(items, 'single')).toEqual([
      { confidence: 0.9, right: true },
      { confidence: 0.6, right: false },
    ]);
  });

  it('multi label: every (document, class) returned or labelled; a missed label at 0', () => {
    const items = [
      item(
        'm',
        ['A', 'C'],
        [
          ['A', 0.8],
          ['B', 0.3],
        ],
      ),
    ];
    expect(calibrationDecisions(items, 'multi')).toEqual([
      { confidence: 0.8, right: true },
      { confidence: 0.3, right: false },
      { confidence: 0, right: true },
    ]);
    expect(calibration(items, 'multi').decisions).toBe(3);
  });
});
