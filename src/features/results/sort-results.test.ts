import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../service/model';
import type { ResultItem } from './result-item';
import {
  classCounts,
  haystackOf,
  indexResults,
  nextSort,
  viewResults,
  type ResultsView,
} from './sort-results';

function result(id: string, classes: [string, number][] = [], error?: string): DocumentResult {
  return {
    id,
    classes: classes.map(([category, confidence]) => ({ category, confidence })),
    warnings: id === 'doc3' ? [{ code: 'LongWordsInDocument', message: 'Truncated words.' }] : [],
    ...(error ? { error: { code: 'InvalidArgument', message: error } } : {}),
  };
}

const documents = [
  result('doc10', [['Billing', 0.5]]),
  result('doc2', [['Shipping', 0.9]]),
  result('doc1', [
    ['Account', 0.7],
    ['Billing', 0.2],
  ]),
  result('doc3', [['Billing', 0.95]]),
  result('doc4', [], 'Document text is empty.'),
  result('doc5'),
];
const texts: Record<string, string> = {
  doc1: 'My invoice is wrong',
  doc2: 'Where is my parcel?',
  doc10: 'لم تصل الفاتورة',
};
const items: ResultItem[] = documents.map((result) => ({
  result,
  text: texts[result.id] ?? '',
}));
const rows = indexResults(items);
const ids = (view: Partial<ResultsView>) =>
  viewResults(rows, { filter: { kind: 'all' }, query: '', ...view }).map((row) => row.result.id);

describe('viewResults', () => {
  it('keeps the service order when nothing is sorted', () => {
    expect(ids({})).toEqual(['doc10', 'doc2', 'doc1', 'doc3', 'doc4', 'doc5']);
  });

  it('sorts ids naturally: doc2 before doc10', () => {
    expect(ids({ sort: { column: 'id', direction: 'ascending' } })).toEqual([
      'doc1',
      'doc2',
      'doc3',
      'doc4',
      'doc5',
      'doc10',
    ]);
    expect(ids({ sort: { column: 'id', direction: 'descending' } })[0]).toBe('doc10');
  });

  it('sorts by top class and by confidence, keeping rows without a class last both ways', () => {
    expect(ids({ sort: { column: 'class', direction: 'ascending' } })).toEqual([
      'doc1',
      'doc10',
      'doc3',
      'doc2',
      'doc4',
      'doc5',
    ]);
    expect(ids({ sort: { column: 'confidence', direction: 'ascending' } })).toEqual([
      'doc10',
      'doc1',
      'doc2',
      'doc3',
      'doc4',
      'doc5',
    ]);
    expect(ids({ sort: { column: 'confidence', direction: 'descending' } })).toEqual([
      'doc3',
      'doc2',
      'doc1',
      'doc10',
      'doc4',
      'doc5',
    ]);
  });

  it('filters by any class a document got, by no class, and by error', () => {
    expect(ids({ filter: { kind: 'class', category: 'Billing' } })).toEqual([
      'doc10',
      'doc1',
      'doc3',
    ]);
    expect(ids({ filter: { kind: 'no-class' } })).toEqual(['doc5']);
    expect(ids({ filter: { kind: 'error' } })).toEqual(['doc4']);
  });

  it('searches ids, classes, warnings and errors, ignoring case', () => {
    expect(ids({ query: 'DOC1' })).toEqual(['doc10', 'doc1']);
    expect(ids({ query: ' shipping ' })).toEqual(['doc2']);
    expect(ids({ query: 'truncated' })).toEqual(['doc3']);
    expect(ids({ query: 'text is empty' })).toEqual(['doc4']);
    expect(ids({ query: 'account', filter: { kind: 'class', category: 'Billing' } })).toEqual([
      'doc1',
    ]);
  });

  it('searches the text too, right-to-left scripts included', () => {
    expect(ids({ query: 'INVOICE' })).toEqual(['doc1']);
    expect(ids({ query: 'الفاتورة' })).toEqual(['doc10']);
  });

  it('keeps the search text of an unchanged result, and builds it again for a new text', () => {
    const [first] = items;
    if (!first) throw new Error('no item');
    expect(haystackOf({ ...first, correction: ['Account'] })).toBe(haystackOf(first));
    expect(haystackOf({ ...first, text: 'Other words' })).toContain('other words');
  });

  it('shows only the focused ids', () => {
    expect(ids({ focus: new Set(['doc3', 'doc1', 'nope']) })).toEqual(['doc1', 'doc3']);
    expect(ids({ focus: new Set(['doc3']), query: 'doc1' })).toEqual([]);
  });

  it('puts the smallest margin between the top two classes first; one class counts its confidence', () => {
    const margins = indexResults(
      [
        result('wide', [
          ['A', 0.9],
          ['B', 0.1],
        ]),
        result('narrow', [
          ['A', 0.5],
          ['B', 0.45],
        ]),
        result('single', [['A', 0.3]]),
        result('none'),
      ].map((document) => ({ result: document, text: '' })),
    );
    const view = viewResults(margins, {
      sort: { column: 'margin', direction: 'ascending' },
      filter: { kind: 'all' },
      query: '',
    });
    expect(view.map((row) => row.result.id)).toEqual(['narrow', 'single', 'wide', 'none']);
    expect(view[0]?.margin).toBeCloseTo(0.05);
  });

  it('sorts and filters 10,000 rows without a quadratic step', () => {
    const many = Array.from({ length: 10_000 }, (_, index) =>
      result(`doc${index + 1}`, [[`Class${index % 7}`, ((index * 7919) % 10_000) / 10_000]]),
    );
    const started = performance.now();
    const indexed = indexResults(many.map((document) => ({ result: document, text: 'some text' })));
    const view = viewResults(indexed, {
      sort: { column: 'confidence', direction: 'descending' },
      filter: { kind: 'class', category: 'Class3' },
      query: 'doc1',
    });
    // A guard against a quadratic step, loose enough for a busy machine; the speed is the bench's.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(view.length).toBeGreaterThan(0);
    expect(view.every((row) => row.result.classes[0]?.category === 'Class3')).toBe(true);
  });
});

describe('classCounts', () => {
  it('counts every class given, documents without a class, and errors', () => {
    expect(classCounts(rows)).toEqual({
      classes: [
        { category: 'Account', documents: 1 },
        { category: 'Billing', documents: 3 },
        { category: 'Shipping', documents: 1 },
      ],
      noClass: 1,
      errors: 1,
    });
  });
});

describe('nextSort', () => {
  it('starts ascending and then flips', () => {
    const first = nextSort(undefined, 'id');
    expect(first).toEqual({ column: 'id', direction: 'ascending' });
    expect(nextSort(first, 'id')).toEqual({ column: 'id', direction: 'descending' });
    expect(nextSort(first, 'confidence')).toEqual({ column: 'confidence', direction: 'ascending' });
  });
});

describe('putting a focus first (the review queue)', () => {
  it('keeps every row, the focus first in its own order, the rest after in theirs', () => {
    const all = ids({});
    const [first = '', second = ''] = all.slice(-2).reverse();
    const shown = ids({ focus: new Set([first, second]), focusFirst: true });
    expect(shown).toEqual([first, second, ...all.filter((id) => id !== first && id !== second)]);
  });
});
