import { describe, expect, it } from 'vitest';
import { planBatch } from '../../service/batching';
import { documentProblems } from '../../service/limits';
import { splitDocuments } from './paragraphs';

describe('splitDocuments', () => {
  it('makes one document per paragraph, ids in order, skipping empty paragraphs', () => {
    const text = '\n\nFirst line\nstill first\n\n  \n\n\nSecond\r\n\r\nThird  \n \t \nFourth\n\n';
    expect(splitDocuments(text)).toEqual([
      { id: 'doc1', text: 'First line\nstill first' },
      { id: 'doc2', text: 'Second' },
      { id: 'doc3', text: 'Third' },
      { id: 'doc4', text: 'Fourth' },
    ]);
  });

  it('finds no documents in blank text', () => {
    expect(splitDocuments(' \n\n \n')).toEqual([]);
  });
});

describe('batch limits', () => {
  it('counts characters as text elements, as the service does', () => {
    const { size } = planBatch([{ id: 'doc1', text: 'café 👍🏽 🇫🇷' }]);
    expect(size).toEqual({ documents: 1, characters: 8 });
  });
});

describe('documents the service would refuse', () => {
  it.each([
    ['a NUL byte', 'bad\u0000text', /doc1 contains a control character \(U\+0000\) at position 4/],
    ['a bell', 'ring\u0007', /U\+0007/],
    ['an escape sequence', '\u001b[31mred', /U\+001B/],
    ['a DEL', 'x\u007f', /U\+007F/],
  ])('refuses %s', (_name, text, message) => {
    expect(documentProblems([{ id: 'doc1', text }])).toEqual([expect.stringMatching(message)]);
  });

  it('allows tabs, line breaks and any script', () => {
    expect(documentProblems([{ id: 'doc1', text: 'a\tb\r\nc — 日本語 👍🏽 עברית' }])).toEqual([]);
  });
});
