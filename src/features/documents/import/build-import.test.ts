import { describe, expect, it } from 'vitest';
import { buildImport, sourceKind } from './build-import';
import { parseDelimited } from './delimited';
import { joinPlaces } from './imported-documents';
import { idFromFileName, parseTextFiles } from './text-files';

describe('parseTextFiles', () => {
  it('makes one document per file, its id the file name without the extension', () => {
    expect(
      parseTextFiles([
        { name: 'ticket-17.txt', text: 'Refund please\n' },
        { name: 'notes.v2.txt', text: 'Crash' },
      ]),
    ).toEqual({
      documents: [
        { id: 'notes.v2', text: 'Crash' },
        { id: 'ticket-17', text: 'Refund please' },
      ],
      problems: [],
    });
    expect(idFromFileName('folder/.env')).toBe('.env');
  });

  it('orders files naturally by name', () => {
    const files = ['t10.txt', 't2.txt', 't1.txt'].map((name) => ({ name, text: name }));
    expect(parseTextFiles(files).documents.map((document) => document.id)).toEqual([
      't1',
      't2',
      't10',
    ]);
  });

  it('names files that end up with the same id', () => {
    const { problems } = parseTextFiles([
      { name: 'a.txt', text: 'x' },
      { name: 'a.TXT', text: 'y' },
    ]);
    expect(problems[0]?.message).toBe(
      '1 id is used more than once: “a” (a.txt and a.TXT). Ids must be unique.',
    );
  });
});

describe('buildImport', () => {
  it('checks ids across files, naming the file of each place', () => {
    const result = buildImport([
      { name: 'a.txt', kind: 'text', text: 'one' },
      { name: 'more.jsonl', kind: 'json', text: '{"id":"a","text":"two"}' },
    ]);
    expect(result.sourceName).toBe('2 files');
    expect(result.imported.problems[0]?.message).toMatch(/“a” \(a.txt and more.jsonl line 1\)/);
  });

  it('suggests columns for a table, and takes the ones chosen', () => {
    const table = parseDelimited('id,text,label\n1,hi,A\n', ',');
    const guessed = buildImport([{ name: 't.csv', kind: 'table', table }]);
    expect(guessed.table).toEqual({
      columns: ['id', 'text', 'label'],
      choice: { textColumn: 1, idColumn: 0, labelColumn: 2 },
    });
    const chosen = buildImport([{ name: 't.csv', kind: 'table', table }], [], { textColumn: 2 });
    expect(chosen.imported.documents).toEqual([{ id: 'doc1', text: 'A' }]);
  });

  it('reads a table only on its own, and says which files were left out', () => {
    const table = parseDelimited('text\nhi\n', ',');
    const result = buildImport(
      [
        { name: 't.csv', kind: 'table', table },
        { name: 'a.txt', kind: 'text', text: 'x' },
      ],
      ['slides.pdf'],
    );
    expect(result.imported.documents).toEqual([]);
    expect(result.imported.problems.map((problem) => problem.severity)).toEqual([
      'warning',
      'error',
    ]);
    expect(result.imported.problems[0]?.message).toMatch(/^Left out slides.pdf/);
  });

  it('blocks when nothing was found, and warns about text that was not UTF-8', () => {
    const result = buildImport([{ name: 'e.txt', kind: 'text', text: ' ', undecodable: true }]);
    expect(result.imported.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/e.txt is not UTF-8/),
      '1 document has no text and was left out: e.txt.',
      'No documents were found in e.txt.',
    ]);
  });

  it('knows the accepted file types by extension', () => {
    expect(['a.txt', 'b.CSV', 'c.tsv', 'd.jsonl', 'e.json', 'f.pdf', 'g'].map(sourceKind)).toEqual([
      'text',
      'table',
      'table',
      'json',
      'json',
      undefined,
      undefined,
    ]);
  });
});

describe('joinPlaces', () => {
  it('shares a unit, and caps long lists', () => {
    expect(joinPlaces(['row 2'])).toBe('row 2');
    expect(joinPlaces(['line 1', 'line 5'])).toBe('lines 1 and 5');
    expect(joinPlaces(Array.from({ length: 10 }, (_, i) => `row ${i + 2}`))).toBe(
      'rows 2, 3, 4, 5, 6, 7, 8, 9 and 2 more',
    );
    expect(joinPlaces(['a.txt', 'row 3'])).toBe('a.txt and row 3');
  });
});
