import { describe, expect, it } from 'vitest';
import { blobNameFor } from './blob-names';
import { seededSplit, summarize, trainingSet, type AddAs } from './training-set';

const RUN = { id: '3f0c2a1e-8d4b-4c7a-9e1f-0a2b3c4d5e6f', labelMode: 'single' as const };

const documents = [
  { index: 0, id: 't1', text: 'Card charged twice', labels: ['Billing'] },
  { index: 1, id: 't2', text: 'Cannot log in', labels: ['Billing'] },
  { index: 2, id: 't3', text: 'App crashes', labels: ['Bug'] },
  { index: 3, id: 't4', text: 'No label here' },
];
const corrections = [{ index: 1, labels: ['Login'] }];

const set = (includeGold: boolean, addAs: AddAs = 'Train') =>
  trainingSet(RUN, documents, corrections, { includeGold, addAs });

describe('trainingSet', () => {
  it('without gold labels: only the corrected documents, with their corrected labels', () => {
    const { documents: chosen } = set(false);
    expect(chosen).toEqual([
      {
        index: 1,
        id: 't2',
        text: 'Cannot log in',
        labels: ['Login'],
        from: 'correction',
        dataset: 'Train',
        location: blobNameFor(RUN.id, 't2'),
      },
    ]);
  });

  it('with gold labels: every labelled document, a correction winning over the gold label', () => {
    const { documents: chosen } = set(true, 'Test');
    expect(chosen.map((document) => [document.id, document.labels, document.from])).toEqual([
      ['t1', ['Billing'], 'gold'],
      ['t2', ['Login'], 'correction'],
      ['t3', ['Bug'], 'gold'],
    ]);
    expect(chosen.every((document) => document.dataset === 'Test')).toBe(true);
  });

  it('leaves out (and says why) empty and too long documents, bad class names and repeated IDs', () => {
    const { documents: chosen, leftOut } = trainingSet(
      RUN,
      [
        { index: 0, id: 'empty', text: '', labels: ['A'] },
        { index: 1, id: 'long', text: 'x'.repeat(128_001), labels: ['A'] },
        { index: 2, id: 'max', text: 'x'.repeat(128_000), labels: ['A'] },
        { index: 3, id: 'bad', text: 'ok', labels: ['A/B'] },
        { index: 4, id: 'max', text: 'again', labels: ['A'] },
      ],
      [],
      { includeGold: true, addAs: 'Train' },
    );
    expect(chosen.map((document) => document.id)).toEqual(['max']);
    expect(leftOut.map((item) => item.id)).toEqual(['empty', 'long', 'bad', 'max']);
    expect(leftOut[1]?.reason).toMatch(/128,001 characters.*at most 128,000/);
  });

  it('single label keeps one label; multi label keeps them all, without repeats', () => {
    const many = [{ index: 0, id: 'm', text: 'x', labels: ['A', 'B', 'A', ' '] }];
    const options = { includeGold: true, addAs: 'Train' as const };
    expect(trainingSet(RUN, many, [], options).documents[0]?.labels).toEqual(['A']);
    expect(
      trainingSet({ ...RUN, labelMode: 'multi' }, many, [], options).documents[0]?.labels,
    ).toEqual(['A', 'B']);
  });
});

describe('seededSplit', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `doc-${i}`);

  it('puts a fifth in Test', () => {
    const split = seededSplit('run-a', ids);
    expect([...split.values()].filter((dataset) => dataset === 'Test')).toHaveLength(10);
  });

  it('splits the same run the same way, whatever the order of its documents', () => {
    const once = seededSplit('run-a', ids);
    const again = seededSplit('run-a', [...ids].reverse());
    expect([...again.entries()].sort()).toEqual([...once.entries()].sort());
  });

  it('splits another run another way', () => {
    const a = seededSplit('run-a', ids);
    const b = seededSplit('run-b', ids);
    expect(ids.some((id) => a.get(id) !== b.get(id))).toBe(true);
  });
});

describe('summarize', () => {
  it('counts documents, corrections, sets, classes and the classes the project lacks', () => {
    const summary = summarize(set(true, 'split'), ['Billing', 'Bug']);
    expect(summary).toMatchObject({
      documents: 3,
      corrections: 1,
      classes: ['Billing', 'Bug', 'Login'],
      newClasses: ['Login'],
      projectClassCount: 3,
      tooManyClasses: false,
    });
    expect(summary.train + summary.test).toBe(3);
    expect(summary.test).toBe(1);
  });

  it('does not know the new classes before the project is read; flags more than 200 classes', () => {
    expect(summarize(set(true), undefined).newClasses).toBeUndefined();
    const classes = Array.from({ length: 200 }, (_, i) => `c${i}`);
    expect(summarize(set(true), classes).tooManyClasses).toBe(true);
    expect(summarize(set(false), [...classes.slice(0, 199), 'Login']).tooManyClasses).toBe(false);
  });
});
