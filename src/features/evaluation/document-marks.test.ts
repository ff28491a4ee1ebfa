import { describe, expect, it } from 'vitest';
import { documentMarks, mismatchIds, rememberingMarks } from './document-marks';
import { multiItems, singleItems } from './test-items';

describe('document marks', () => {
  it('single label: marks mismatches and documents below the threshold', () => {
    const marks = documentMarks(singleItems, 'single', 0.5);
    expect(marks.get('d1')).toEqual({ kept: ['A'], belowThreshold: false, mismatch: false });
    expect(marks.get('d4')).toEqual({ kept: [], belowThreshold: true, mismatch: true });
    // The model gave no class: a mismatch, but not the threshold's doing.
    expect(marks.get('d6')).toEqual({ kept: [], belowThreshold: false, mismatch: true });
    // No label: never a mismatch, still below the threshold or not.
    expect(marks.get('d7')).toEqual({ kept: ['A'], belowThreshold: false, mismatch: false });
    expect(marks.has('d8')).toBe(false);
    expect([...mismatchIds(documentMarks(singleItems, 'single', 0))]).toEqual([
      'd2',
      'd4',
      'd5',
      'd6',
      'd9',
    ]);
  });

  it('multi label: a mismatch is a different set of classes', () => {
    const marks = documentMarks(multiItems, 'multi', 0.6);
    expect(marks.get('m1')).toEqual({ kept: ['A', 'B'], belowThreshold: true, mismatch: false });
    expect(marks.get('m4')).toEqual({ kept: [], belowThreshold: true, mismatch: true });
    expect(marks.get('m8')).toEqual({ kept: ['A'], belowThreshold: true, mismatch: false });
    expect([...mismatchIds(documentMarks(multiItems, 'multi', 0))]).toEqual([
      'm1',
      'm3',
      'm4',
      'm5',
      'm8',
    ]);
  });

  it('has no marks without documents', () => {
    expect(documentMarks([], 'single', 0).size).toBe(0);
  });

  it('remembering: the same marks, and a document already marked is not marked again', () => {
    const marks = rememberingMarks();
    const first = marks(singleItems.slice(0, 3), 'single', 0.5);
    const all = marks(singleItems, 'single', 0.5);
    expect(all).toEqual(documentMarks(singleItems, 'single', 0.5));
    for (const [id, mark] of first) expect(all.get(id)).toBe(mark);
  });

  it('remembering: a new threshold marks again, and the two last settings are kept', () => {
    const marks = rememberingMarks();
    const atHalf = marks(singleItems, 'single', 0.5);
    const atZero = marks(singleItems, 'single', 0);
    expect(atZero).toEqual(documentMarks(singleItems, 'single', 0));
    expect(atZero.get('d4')).not.toEqual(atHalf.get('d4'));
    expect(marks(singleItems, 'single', 0.5).get('d1')).toBe(atHalf.get('d1'));
    marks(singleItems, 'single', 0.9);
    marks(singleItems, 'single', 0.5);
    // 0 was the oldest of three: forgotten, so worked out again (from 0.5's marks).
    const again = marks(singleItems, 'single', 0);
    expect(again).toEqual(documentMarks(singleItems, 'single', 0));
    expect(again.get('d4')).not.toBe(atZero.get('d4'));
    expect(marks(multiItems, 'multi', 0.6)).toEqual(documentMarks(multiItems, 'multi', 0.6));
  });

  it('remembering: a new threshold marks again only the documents with a confidence between', () => {
    // Confidences on both sides of and exactly at the thresholds, single and multi label.
    for (const [items, labelMode] of [
      [singleItems, 'single'],
      [multiItems, 'multi'],
    ] as const) {
      const marks = rememberingMarks();
      let before = marks(items, labelMode, 0);
      for (const threshold of [0.3, 0.5, 0.6, 0.9, 0.5, 0.95, 0, 0.7, 0.2]) {
        const after = marks(items, labelMode, threshold);
        expect(after).toEqual(documentMarks(items, labelMode, threshold));
        // A document whose kept classes did not change keeps its mark object.
        for (const [id, mark] of after) {
          const old = before.get(id);
          if (old && JSON.stringify(old) === JSON.stringify(mark)) expect(mark).toBe(old);
        }
        before = after;
      }
    }
  });
});
