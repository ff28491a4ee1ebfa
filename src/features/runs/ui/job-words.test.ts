import { describe, expect, it } from 'vitest';
import { describeJob, statusInWords } from './job-words';
import type { RunJob } from '../store/run-model';

const job = (patch: Partial<RunJob>): RunJob => ({
  runId: 'run',
  index: 0,
  documentIndexes: [0],
  firstId: 'doc1',
  lastId: 'doc1',
  state: 'sent',
  ...patch,
});

describe('job words', () => {
  it.each([
    ['notStarted', 'Not started'],
    ['partiallySucceeded', 'Partially succeeded'],
    ['CANCELLED', 'Cancelled'],
    ['somethingNew', 'somethingNew'],
    // Words that name Object.prototype's members are unknown words, as sent.
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
  ])('the status %s reads %s', (status, words) => {
    expect(statusInWords(status)).toBe(words);
  });

  it('a job whose status is __proto__ is described by that word', () => {
    expect(describeJob(job({ status: '__proto__' }), undefined)).toEqual({
      word: '__proto__',
      tone: 'running',
    });
  });
});
