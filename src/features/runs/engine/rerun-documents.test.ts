import { describe, expect, it } from 'vitest';
import { rerunDocuments } from './rerun-documents';

const runId = 'run-1';

describe('rerunDocuments', () => {
  it("carries the review's corrections as the rerun's labels, and the rest as they were", () => {
    const stored = [
      { runId, index: 0, id: 'T-1', text: 'Refund please', labels: ['Billing'] },
      { runId, index: 1, id: 'T-2', text: 'Parcel lost', labels: ['Billing'], language: 'de' },
      { runId, index: 2, id: 'T-3', text: 'Crashes' },
    ];
    const corrections = [
      { runId, index: 1, id: 'T-2', labels: ['Shipping'] },
      { runId, index: 2, id: 'T-3', labels: ['TechnicalIssue', 'Mobile'] },
    ];
    expect(rerunDocuments(stored, corrections)).toEqual([
      { id: 'T-1', text: 'Refund please', labels: ['Billing'] },
      { id: 'T-2', text: 'Parcel lost', language: 'de', labels: ['Shipping'] },
      { id: 'T-3', text: 'Crashes', labels: ['TechnicalIssue', 'Mobile'] },
    ]);
  });

  it('matches a correction to its document by position, so a repeated id cannot take another’s', () => {
    const stored = [
      { runId, index: 0, id: 'a', text: 'one' },
      { runId, index: 1, id: 'a', text: 'two' },
    ];
    expect(rerunDocuments(stored, [{ runId, index: 1, id: 'a', labels: ['X'] }])).toEqual([
      { id: 'a', text: 'one' },
      { id: 'a', text: 'two', labels: ['X'] },
    ]);
  });
});
