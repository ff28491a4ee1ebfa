import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../features/runs/engine/run-schedule';
import type { RunDocument, RunJob, RunResult } from '../features/runs/store/run-model';
import { EXIT, exitCodeOf, resultLines, resumeDecision, stalledRetryDelay } from './run-outcome';

const progress = (patch: Partial<RunProgress>): RunProgress => ({
  documentsTotal: 50,
  documentsDone: 50,
  documentsFailed: 0,
  jobsTotal: 2,
  jobsDone: 2,
  jobsNeedingAttention: 0,
  open: 0,
  status: 'done',
  ...patch,
});

describe('exitCodeOf', () => {
  it('is 0 when every document is classified, 1 with failures or a decision left, 130 with work left', () => {
    expect(exitCodeOf(progress({}))).toBe(EXIT.done);
    expect(exitCodeOf(progress({ status: 'done-with-failures', documentsFailed: 2 }))).toBe(1);
    expect(exitCodeOf(progress({ status: 'needs-attention', jobsNeedingAttention: 1 }))).toBe(1);
    expect(exitCodeOf(progress({ status: 'paused', open: 1 }))).toBe(130);
  });
});

describe('resumeDecision', () => {
  it('resumes only the journal of the same input and settings', () => {
    expect(resumeDecision(undefined, 'a')).toBe('new');
    expect(resumeDecision('a', 'a')).toBe('resume');
    expect(resumeDecision('b', 'a')).toBe('other-run');
  });
});

describe('stalledRetryDelay', () => {
  it('waits longer after each stall, then gives up', () => {
    expect(stalledRetryDelay(1)).toBeLessThan(stalledRetryDelay(2) ?? 0);
    expect(stalledRetryDelay(6)).toBeUndefined();
  });
});

describe('resultLines', () => {
  const documents: RunDocument[] = ['a', 'b', 'c', 'd'].map((id, index) => ({
    runId: 'r',
    index,
    id,
    text: id,
  }));
  const job = (index: number, documentIndexes: number[], patch: Partial<RunJob>): RunJob => ({
    runId: 'r',
    index,
    documentIndexes,
    firstId: '',
    lastId: '',
    state: 'finished',
    ...patch,
  });
  const results: RunResult[] = [
    {
      runId: 'r',
      index: 0,
      id: 'a',
      classes: [{ category: 'Billing', confidence: 0.9 }],
      warnings: [],
    },
    {
      runId: 'r',
      index: 1,
      id: 'b',
      classes: [],
      warnings: [],
      error: { code: 'InvalidDocument', message: 'Empty.' },
    },
  ];

  it('writes every document in input order with confidenceScore, or why it has no result', () => {
    const lines = resultLines(
      documents,
      [
        job(0, [0, 1], { outcome: 'done' }),
        job(1, [2], { state: 'unsure', error: 'May have been sent.' }),
        job(2, [3], { state: 'refused', error: 'Bad project.' }),
      ],
      results,
    );
    expect(lines).toEqual([
      { id: 'a', classes: [{ category: 'Billing', confidenceScore: 0.9 }], error: null },
      { id: 'b', classes: [], error: { code: 'InvalidDocument', message: 'Empty.' } },
      { id: 'c', classes: [], error: { code: 'Unsure', message: 'May have been sent.' } },
      { id: 'd', classes: [], error: { code: 'Refused', message: 'Bad project.' } },
    ]);
  });
});
