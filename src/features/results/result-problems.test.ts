import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../service/model';
import { invalidConfidences, resultNotices } from './result-problems';

const flagged: DocumentResult = {
  id: 'doc1',
  classes: [],
  warnings: [],
  problems: [
    { kind: 'invalid-confidence', category: 'Huge', received: '42' },
    { kind: 'invalid-confidence', category: 'Negative', received: '-5' },
  ],
};

describe('resultNotices', () => {
  it('counts results with invalid confidences and ids given more than once', () => {
    const documents: DocumentResult[] = [
      flagged,
      { id: 'doc2', classes: [], warnings: [] },
      { id: 'doc1', classes: [], warnings: [] },
      { id: 'doc2', classes: [], warnings: [] },
      { id: 'doc2', classes: [], warnings: [] },
    ];
    expect(resultNotices(documents)).toEqual({
      invalidConfidence: 1,
      duplicateIds: ['doc1', 'doc2'],
    });
  });

  it('has nothing to say about sound results', () => {
    expect(resultNotices([{ id: 'a', classes: [], warnings: [] }])).toEqual({
      invalidConfidence: 0,
      duplicateIds: [],
    });
  });

  it('lists the invalid confidences of one result', () => {
    expect(invalidConfidences(flagged).map((problem) => problem.received)).toEqual(['42', '-5']);
  });
});
