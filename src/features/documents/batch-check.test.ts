import { describe, expect, it } from 'vitest';
import { planBatch } from '../../service/batching';
import { describeBatch, submitBlocker } from './batch-check';

const long = 'x'.repeat(130_000);
const docs = (...texts: string[]) => texts.map((text, index) => ({ id: `doc${index + 1}`, text }));

describe('describeBatch', () => {
  it('says how the documents are sent', () => {
    expect(describeBatch(planBatch(docs('one', 'two')))).toEqual({
      jobs: 'one job (up to 25 documents and 125,000 characters)',
      tone: 'ok',
    });
    const many = docs(...Array.from({ length: 60 }, (_, index) => `text ${index}`));
    expect(describeBatch(planBatch(many)).jobs).toMatch(/^sent as 3 jobs/);
  });

  it('says before Submit that there is nothing to send', () => {
    expect(describeBatch(planBatch([]))).toEqual({
      jobs: 'nothing to send: add at least one document',
      tone: 'empty',
    });
    expect(describeBatch(planBatch(docs(long)))).toEqual({
      jobs: 'nothing to send: doc1 is over 125,000 characters, more than a job holds',
      tone: 'blocked',
    });
    expect(describeBatch(planBatch(docs(long, long))).jobs).toBe(
      'nothing to send: doc1 and doc2 are each over 125,000 characters, more than a job holds',
    );
  });

  it('names the documents left out when the others can go', () => {
    expect(describeBatch(planBatch(docs('fine', long, long, long, long)))).toEqual({
      jobs: 'one job (up to 25 documents and 125,000 characters) · doc2, doc3, doc4 and 1 more are each over 125,000 characters and will not be sent',
      tone: 'warning',
    });
  });
});

describe('submitBlocker', () => {
  const check = (texts: string[], problems: string[] = [], restoring = false) =>
    submitBlocker({ plan: planBatch(docs(...texts)), problems, restoring });

  it('lets documents that fit go', () => {
    expect(check(['one'])).toBeUndefined();
    expect(check(['one', long])).toBeUndefined();
  });

  it('gives the reason Submit is off', () => {
    expect(check([])).toBe('Add at least one document to submit.');
    expect(check([long])).toBe(
      'The document is over 125,000 characters: shorten or split it to submit.',
    );
    expect(check([long, long])).toMatch(/^Every document is over 125,000 characters/);
    expect(check(['a\u0007'], ['doc1 contains a control character (U+0007) at position 2'])).toBe(
      'A document contains a control character: remove it to submit.',
    );
    expect(check([], [], true)).toBe('Wait: the imported documents are being read back.');
  });

  it('holds Submit while a chosen file is refused, even with documents in the text box', () => {
    const plan = planBatch(docs('one', 'two', 'three', 'four', 'five'));
    expect(submitBlocker({ plan, problems: [], restoring: false, refused: 'tickets.csv' })).toBe(
      'tickets.csv cannot be used: fix it and choose it again, or remove it, to submit.',
    );
  });
});
