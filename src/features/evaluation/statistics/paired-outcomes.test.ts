import { describe, expect, it } from 'vitest';
import { item } from '../test-items';
import { pairedOutcomes } from './paired-outcomes';

describe('pairedOutcomes', () => {
  it('counts both right, only one right, both wrong over documents both runs have with a label', () => {
    const here = [
      item('1', ['A'], [['A', 0.9]]),
      item('2', ['A'], [['A', 0.9]]),
      item('3', ['B'], [['A', 0.9]]),
      item('4', ['B'], [['A', 0.9]]),
      item('5', [], [['A', 0.9]]), // no label
      item('6', ['A'], [['A', 0.9]]), // not in the other run
      item('7', ['A'], [['A', 0.4]]), // below the threshold here: wrong
    ];
    const there = [
      item('1', [], [['A', 0.8]]),
      item('2', [], [['B', 0.8]]),
      item('3', [], [['B', 0.8]]),
      item('4', [], [['C', 0.8]]),
      item('5', [], [['A', 0.8]]),
      item('7', [], [['A', 0.8]]),
    ];
    const result = pairedOutcomes(here, there, 'single', 0.5);
    expect(result).toMatchObject({
      paired: 5,
      bothRight: 1,
      onlyThis: 1,
      onlyOther: 2,
      bothWrong: 1,
    });
    expect([...result.outcomes]).toEqual([0, 1, 2, 3, 2]);
  });
});
