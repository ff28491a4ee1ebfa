import { describe, expect, it } from 'vitest';
import type { RunJob } from '../features/runs/store/run-model';
import { resultsOnTheirWay } from './results-arrival';

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
