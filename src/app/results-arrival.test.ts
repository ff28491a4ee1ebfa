import { describe, expect, it } from 'vitest';
import type { RunJob } from '../features/runs/store/run-model';
import { resultsComplete, resultsOnTheirWay } from './results-arrival';

const job = (patch: Partial<RunJob>): RunJob => ({
  runId: 'r',
  index: 0,
  documentIndexes: [0, 1, 2],
  firstId: 'a',
  lastId: 'c',
  state: 'finished',
  outcome: 'done',
  failedDocuments: 0,
  ...patch,
});

describe('resultsOnTheirWay', () => {
  it.each([
    ['a done job classified documents, none shown yet', [job({})], 0, true],
    ['its rows are shown', [job({})], 3, false],
    [
      'every document failed or was missing: nothing is known',
      [job({ failedDocuments: 3 })],
      0,
      false,
    ],
    ['the job failed as a whole', [job({ outcome: 'failed' })], 0, false],
    ['the job is still out', [job({ state: 'sent', outcome: undefined })], 0, false],
  ])('%s', (_, jobs, shown, expected) => {
    expect(resultsOnTheirWay(jobs, shown)).toBe(expected);
  });
});

describe('resultsComplete', () => {
  it.each([
    ['every job done', [job({}), job({ index: 1 })], false, true],
    [
      'a job maybe sent (the page closed while sending)',
      [job({}), job({ state: 'unsure', outcome: undefined })],
      false,
      false,
    ],
    ['a job refused', [job({ state: 'refused', outcome: undefined })], false, false],
    ['a job failed as a whole', [job({ outcome: 'failed' })], false, false],
    ['a job expired', [job({ state: 'expired', outcome: undefined })], false, false],
    ['a job still out', [job({ state: 'sent', outcome: undefined })], false, false],
    ['paging stopped before the last page', [job({})], true, false],
  ])('%s', (_, jobs, cut, expected) => {
    expect(resultsComplete(jobs, cut)).toBe(expected);
  });
});
