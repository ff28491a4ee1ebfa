import type { ResultItem } from '../features/results/result-item';
import { NameOrder } from '../lib/name-order';
import { onFirstUse } from '../lib/on-first-use';

const natural = onFirstUse(() => new Intl.Collator('en', { numeric: true, sensitivity: 'base' }));

/**
 * Every class seen in results or labels, in natural order, kept between calls: while a run fills,
 * new results mostly bring no new name, and then the same array comes back (a memo below holds);
 * a new name is placed by a binary search (lib/name-order.ts). Sorting 10,000 labels afresh on
 * every batch of results took ~100 ms of the page's time per batch, merging them ~30 ms.
 */
export function cachedClassNames() {
  let known = new Set<string>();
  let order = new NameOrder(natural().compare);
  return (items: readonly ResultItem[]): readonly string[] => {
    const names = new Set<string>();
    for (const item of items) {
      for (const score of item.result.classes) names.add(score.category);
      for (const label of item.labels ?? []) names.add(label);
    }
    let added = 0;
    for (const name of names) if (!known.has(name)) added += 1;
    if (added === 0 && names.size === known.size) return order.names;
    // A name went (another run, a relabelled document): start again.
    if (names.size !== known.size + added) order = new NameOrder(natural().compare);
    order.learn(names);
    known = names;
    return order.names;
  };
}
