import { describe, expect, it, vi } from 'vitest';
import { HeldDocuments } from './held-documents';
import type { RunDocument, RunJob } from '../store/run-model';

const document = (index: number): RunDocument => ({
  runId: 'run-1',
  index,
  id: String(index),
  text: `text ${index}`,
});

const job = (documentIndexes: number[]): RunJob => ({
  runId: 'run-1',
  index: 0,
  documentIndexes,
  firstId: String(documentIndexes[0]),
  lastId: String(documentIndexes.at(-1)),
  state: 'queued',
});

describe('HeldDocuments', () => {
  it('gives a job its documents from memory while it holds them, and from storage after', async () => {
    const stored = vi.fn((indexes: number[]) => Promise.resolve(indexes.map(document)));
    const held = new HeldDocuments([0, 1, 2, 3].map(document), stored);
    expect(await held.of(job([2, 3]))).toEqual([document(2), document(3)]);
    expect(stored).not.toHaveBeenCalled();
    held.release(job([2, 3]));
    expect(await held.of(job([2, 3]))).toEqual([document(2), document(3)]);
    expect(stored).toHaveBeenCalledWith([2, 3]);
    expect(await held.of(job([0, 1]))).toEqual([document(0), document(1)]);
    expect(stored).toHaveBeenCalledTimes(1);
  });

  it('reads storage for a run not made in this page', async () => {
    const stored = vi.fn(() => Promise.resolve([document(7)]));
    expect(await new HeldDocuments([], stored).of(job([7]))).toEqual([document(7)]);
  });
});
