import { describe, expect, it } from 'vitest';
import type { EvaluationItem } from './evaluation-item';
import { sliceNames, sliceTable } from './slices';
import { item, multiItems } from './test-items';

/** `right` of `count` documents labelled A that the model gets right (the others it calls B). */
function documents(prefix: string, count: number, right: number): EvaluationItem[] {
  return Array.from({ length: count }, (_, index) =>
    item(`${prefix}${index}`, ['A'], [[index < right ? 'A' : 'B', 0.9]]),
  );
}

describe('sliceNames', () => {
  it('lists every field some document has, once, by name', () => {
    expect(
      sliceNames([{ source: 'x', language: 'en' }, undefined, { customer: 'y', language: 'de' }]),
    ).toEqual(['customer', 'language', 'source']);
  });
});

describe('sliceTable', () => {
  const email = documents('e', 20, 19);
  const chat = documents('c', 20, 5);
  const source = new Map<string, string>([
    ...email.map((document) => [document.id, 'email'] as const),
    ...chat.map((document) => [document.id, 'chat'] as const),
  ]);

  it('gives each value its accuracy, Wilson interval, macro F1 and coverage', () => {
    const table = sliceTable('source', [...email, ...chat], 'single', 0, (document) =>
      source.get(document.id),
    );
    expect(table.overall.documents).toBe(40);
    expect(table.overall.accuracy).toBeCloseTo(24 / 40);
    const [first, second] = table.rows;
    expect(first).toMatchObject({ value: 'chat', documents: 20, correct: 5, coverage: 1 });
    // Wilson 95% for 5 of 20: 0.1119 to 0.4687 (same closed form as wilson.test.ts).
    expect(first?.interval.low).toBeCloseTo(0.1119, 4);
    expect(first?.interval.high).toBeCloseTo(0.4687, 4);
    // Classes A (TP 5, FN 15) and B (FP 15): F1 of A = 2·5 / (2·5 + 15) = 10 / 25, of B = 0.
    expect(first?.macroF1).toBeCloseTo((10 / 25 + 0) / 2);
    expect(second).toMatchObject({ value: 'email', documents: 20, correct: 19 });
  });

  it('flags a slice whose whole interval lies below the overall figure, and only that one', () => {
    const table = sliceTable('source', [...email, ...chat], 'single', 0, (document) =>
      source.get(document.id),
    );
    expect(table.rows.map((row) => [row.value, row.below])).toEqual([
      ['chat', true],
      ['email', false],
    ]);
    // 5 of 20 again, but overall 5 / 20 too: its interval contains the overall figure.
    const alone = sliceTable('source', chat, 'single', 0, () => 'chat');
    expect(alone.rows[0]?.below).toBe(false);
  });

  it('puts documents without a value in a "(none)" row (null), and leaves out the unevaluated', () => {
    const unlabelled = item('u', [], [['A', 0.9]]);
    const failed = item('f', ['A'], [], true);
    const table = sliceTable(
      'source',
      [...documents('x', 2, 2), unlabelled, failed],
      'single',
      0,
      (document) => (document.id === 'x0' ? 'web' : undefined),
    );
    expect(table.rows.map((row) => [row.value, row.documents])).toEqual([
      ['web', 1],
      [null, 1],
    ]);
  });

  it('counts coverage and accuracy after the threshold', () => {
    const table = sliceTable(
      'source',
      [item('a', ['A'], [['A', 0.9]]), item('b', ['A'], [['A', 0.3]])],
      'single',
      0.5,
      () => 'web',
    );
    expect(table.rows[0]).toMatchObject({ documents: 2, correct: 1, coverage: 0.5 });
  });

  it('uses exact match for multi label', () => {
    // m1 (A,B kept of A,B at 0.5), m2 right; m3, m4 wrong; m8 keeps A of [A] at 0.5: right.
    const table = sliceTable('all', multiItems, 'multi', 0.5, () => 'all');
    expect(table.rows[0]).toMatchObject({ documents: 6, correct: 3 });
    expect(table.overall.accuracy).toBeCloseTo(3 / 6);
  });

  it('lists the most frequent values up to the limit and sums the others', () => {
    const many = Array.from({ length: 7 }, (_, index) => item(`d${index}`, ['A'], [['A', 0.9]]));
    const value = (document: EvaluationItem) => (document.id < 'd3' ? 'big' : document.id);
    const table = sliceTable('v', many, 'single', 0, value, 2);
    expect(table.rows.map((row) => [row.value, row.documents])).toEqual([
      ['big', 3],
      ['d3', 1],
    ]);
    expect(table.other).toMatchObject({ values: 3, documents: 3, correct: 3 });
  });
});
