import { describe, expect, it } from 'vitest';
import { NameOrder } from './name-order';

const collator = new Intl.Collator();

describe('NameOrder', () => {
  it('orders names as the collator does, however they arrive', () => {
    const names = ['beta', 'Alpha', 'gamma', 'alpha', 'Beta', 'été', 'delta', 'Zulu', '10', '9'];
    const order = new NameOrder(collator.compare);
    order.learn(names.slice(0, 3));
    order.learn(names.slice(3, 7));
    order.learn(names.slice(7));
    const expected = [...names].sort(collator.compare);
    expect(order.names).toEqual(expected);
    expect([...names].sort(order.compare)).toEqual(expected);
  });

  it('says whether anything was learnt, and gives a new list only then', () => {
    const order = new NameOrder(collator.compare);
    expect(order.learn(['b', 'a'])).toBe(true);
    const before = order.names;
    expect(order.learn(['a', 'b', 'a'])).toBe(false);
    expect(order.names).toBe(before);
    expect(order.learn(['c'])).toBe(true);
    expect(order.names).not.toBe(before);
    expect(order.names).toEqual(['a', 'b', 'c']);
  });

  it('puts a name it has not learnt last, and two such names level', () => {
    const order = new NameOrder(collator.compare);
    order.learn(['m']);
    expect(order.compare('m', 'unknown')).toBeLessThan(0);
    expect(order.compare('x', 'y')).toBe(0);
  });

  it('learns 10,000 names in batches with few collator calls', () => {
    let calls = 0;
    const order = new NameOrder((a, b) => {
      calls += 1;
      return collator.compare(a, b);
    });
    const names = Array.from({ length: 10_000 }, (_, index) => `Class ${index}`);
    for (let start = 0; start < names.length; start += 25)
      order.learn(names.slice(start, start + 25));
    expect(order.names).toEqual([...names].sort(collator.compare));
    calls = 0;
    const sorted = [...names].reverse().sort(order.compare);
    expect(calls).toBe(0);
    expect(sorted).toEqual(order.names);
  });
});
