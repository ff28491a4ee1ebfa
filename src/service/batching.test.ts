import { describe, expect, it } from 'vitest';
import { planBatch } from './batching';

const docs = (count: number, length = 10) =>
  Array.from({ length: count }, (_, i) => ({ id: `doc${i + 1}`, text: 'x'.repeat(length) }));

describe('planBatch', () => {
  it('keeps small batches in one job', () => {
    expect(planBatch(docs(25)).jobs).toHaveLength(1);
  });

  it('cuts at 25 documents, in order', () => {
    const { jobs } = planBatch(docs(2_000));
    expect(jobs).toHaveLength(80);
    expect(jobs.every((job) => job.length === 25)).toBe(true);
    expect(jobs.flat().map((d) => d.id)).toEqual(docs(2_000).map((d) => d.id));
  });

  it('cuts at 125,000 characters', () => {
    const { jobs } = planBatch(docs(5, 50_000));
    expect(jobs.map((job) => job.length)).toEqual([2, 2, 1]);
  });

  it('reports a document no job can hold and sends the rest', () => {
    const documents = [...docs(2), { id: 'huge', text: 'y'.repeat(125_001) }, ...docs(1)];
    const plan = planBatch(documents);
    expect(plan.oversized).toEqual([{ id: 'huge', characters: 125_001 }]);
    expect(plan.size).toEqual({ documents: 4, characters: 125_001 + 30 });
    expect(plan.jobs.flat().map((d) => d.id)).toEqual(['doc1', 'doc2', 'doc1']);
  });

  it('counts characters as text elements', () => {
    const emoji = '👍🏽'.repeat(10);
    expect(planBatch([{ id: 'a', text: emoji }], 25, 10).jobs).toHaveLength(1);
    expect(planBatch([{ id: 'a', text: emoji + 'x' }], 25, 10).oversized).toHaveLength(1);
  });
});
