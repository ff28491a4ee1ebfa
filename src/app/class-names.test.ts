import { describe, expect, it } from 'vitest';
import type { ResultItem } from '../features/results/result-item';
import { cachedClassNames } from './class-names';

const item = (id: string, classes: string[], labels?: string[]): ResultItem => ({
  text: id,
  result: {
    id,
    classes: classes.map((category) => ({ category, confidence: 0.9 })),
    warnings: [],
  },
  ...(labels ? { labels } : {}),
});

describe('cachedClassNames', () => {
  it('lists every class and label once, in natural order (Class 2 before Class 10)', () => {
    const names = cachedClassNames();
    expect(
      names([item('a', ['Class 10', 'Billing'], ['Class 2']), item('b', ['Billing'])]),
    ).toEqual(['Billing', 'Class 2', 'Class 10']);
  });

  it('gives the same array while no name is new, and merges new names in order', () => {
    const names = cachedClassNames();
    const first = names([item('a', ['Class 3'], ['Class 1'])]);
    expect(names([item('a', ['Class 3'], ['Class 1']), item('b', ['Class 1'])])).toBe(first);
    expect(
      names([item('a', ['Class 3'], ['Class 1']), item('c', ['Class 2', 'Class 10'])]),
    ).toEqual(['Class 1', 'Class 2', 'Class 3', 'Class 10']);
  });

  it('drops a name no item has any more', () => {
    const names = cachedClassNames();
    names([item('a', ['Billing'], ['Shipping'])]);
    expect(names([item('a', ['Billing'], ['Account'])])).toEqual(['Account', 'Billing']);
  });
});
