import type { ResultItem } from '../features/results/result-item';

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Every class seen in results or labels, in natural order, kept between calls: while a run fills,
 * new results mostly bring no new name, and then the same array comes back (a memo below holds);
 * new names are sorted on their own and merged. Sorting 10,000 labels afresh on every batch of
 * results took ~100 ms of the page's time per batch.
 */
export function cachedClassNames() {
  let known = new Set<string>();
  let sorted: string[] = [];
  return (items: readonly ResultItem[]): string[] => {
    const names = new Set<string>();
    for (const item of items) {
      for (const score of item.result.classes) names.add(score.category);
      for (const label of item.labels ?? []) names.add(label);
    }
    const added: string[] = [];
    for (const name of names) if (!known.has(name)) added.push(name);
    if (added.length === 0 && names.size === known.size) return sorted;
    // A name went (another run, a relabelled document): start again.
    sorted =
      names.size === known.size + added.length
        ? mergeSorted(sorted, added.sort(natural.compare))
        : [...names].sort(natural.compare);
    known = names;
    return sorted;
  };
}

/** Two lists in natural order as one. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && natural.compare(left, right) <= 0)) {
      merged.push(left ?? '');
      i += 1;
    } else {
      merged.push(right);
      j += 1;
    }
  }
  return merged;
}
