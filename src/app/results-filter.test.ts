import { describe, expect, it } from 'vitest';
import { evaluate } from '../features/evaluation/evaluate';
import { singleItems } from '../features/evaluation/test-items';
import { resultsFocus, toggledCell } from './results-filter';

const none = {
  evaluation: undefined,
  comparison: undefined,
  mismatches: undefined,
  statistics: undefined,
  compareName: undefined,
};

describe('what the evaluation narrows the results to', () => {
  it('a matrix cell: the documents labelled one class and predicted another, said in words', () => {
    const evaluation = evaluate(singleItems, 'single', 0);
    const focus = resultsFocus(
      { kind: 'cell', cell: { label: 'A', predicted: 'A' } },
      { ...none, evaluation },
    );
    expect(focus?.description).toMatch(/^\d+ documents labelled A, predicted A$/);
    expect(focus?.ids.has('d1')).toBe(true);
  });

  it('clicking the chosen cell again lets go of it; another cell replaces it', () => {
    const cell = { label: 'A', predicted: 'B' };
    expect(toggledCell(undefined, cell)).toEqual({ kind: 'cell', cell });
    expect(toggledCell({ kind: 'cell', cell: { ...cell } }, cell)).toBeUndefined();
    expect(toggledCell({ kind: 'mismatches' }, cell)).toEqual({ kind: 'cell', cell });
  });

  it('mismatches only, and likely label errors first (those first, the rest after)', () => {
    const mismatches = new Set(['d2', 'd3']);
    expect(resultsFocus({ kind: 'mismatches' }, { ...none, mismatches })).toEqual({
      description: '2 documents whose prediction differs from the label',
      ids: mismatches,
    });
    const statistics = { labelErrors: [{ id: 'd9' }] };
    expect(resultsFocus({ kind: 'label-errors' }, { ...none, statistics })).toMatchObject({
      description: '1 likely label errors first, most confident first',
      first: true,
    });
  });

  it('nothing yet while what it needs is not there (no evaluation, no comparison)', () => {
    expect(resultsFocus(undefined, none)).toBeUndefined();
    expect(
      resultsFocus({ kind: 'cell', cell: { label: 'A', predicted: 'A' } }, none),
    ).toBeUndefined();
    expect(
      resultsFocus({ kind: 'change', cell: { thisRun: 'A', otherRun: 'B' } }, none),
    ).toBeUndefined();
    expect(resultsFocus({ kind: 'mismatches' }, none)).toBeUndefined();
  });
});
