import { describe, expect, it } from 'vitest';
import {
  buildImport,
  MAX_FILE_BYTES,
  MAX_IMPORT_BYTES,
  selectFiles,
  sourceKind,
} from './build-import';
import { parseDelimited } from './delimited';
import {
  exceedsTextElements,
  joinPlaces,
  MAX_DOCUMENT_CHARACTERS,
  previewText,
} from './imported-documents';
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
    // The columns not chosen are kept as the document's metadata.
    expect(chosen.imported.documents).toEqual([
      { id: 'doc1', text: 'A', metadata: { id: '1', text: 'hi' } },
    ]);
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

  it('says a spreadsheet is not read, and to save it as CSV, as the one error', () => {
    const alone = buildImport([], ['tickets.xlsx']).imported.problems;
    expect(alone.map((problem) => problem.severity)).toEqual(['error']);
    expect(alone[0]?.message).toMatch(
      /^tickets\.xlsx is a spreadsheet, which cannot be read here: save it as CSV/,
    );

    // Beside files that were read, it is only a note.
    const beside = buildImport([{ name: 'a.txt', kind: 'text', text: 'one' }], ['b.xls']);
    expect(beside.imported.documents).toHaveLength(1);
    expect(beside.imported.problems.map((problem) => problem.severity)).toEqual(['warning']);
    expect(beside.imported.problems[0]?.message).toMatch(/^b\.xls is a spreadsheet/);
  });

  it('gives the size limit as the reason when no file could be read', () => {
    const { skipped, problems } = selectFiles([{ name: 'huge.txt', size: MAX_FILE_BYTES + 1 }]);
    const result = buildImport([], skipped, undefined, problems);
    expect(result.imported.problems.map((problem) => [problem.severity, problem.message])).toEqual([
      [
        'error',
        expect.stringMatching(/^Left out huge\.txt \(50 MB\): a file can be at most 50 MB/),
      ],
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

describe('import limits', () => {
  it('leaves out a file over the size limit before reading it, and says why', () => {
    const { accepted, skipped, problems } = selectFiles([
      { name: 'small.txt', size: 10 },
      { name: 'huge.txt', size: 100 * 1024 * 1024 },
      { name: 'slides.pdf', size: 1 },
      { name: 'edge.json', size: MAX_FILE_BYTES },
    ]);
    expect(accepted.map((file) => file.name)).toEqual(['small.txt', 'edge.json']);
    expect(skipped).toEqual(['slides.pdf']);
    expect(problems).toEqual([
      {
        severity: 'warning',
        message:
          'Left out huge.txt (100 MB): a file can be at most 50 MB. Split it into smaller files.',
      },
    ]);
  });

  it('leaves out the files past the limit for one import', () => {
    const files = Array.from({ length: 5 }, (_, index) => ({
      name: `part${index + 1}.jsonl`,
      size: MAX_FILE_BYTES,
    }));
    const { accepted, problems } = selectFiles(files);
    expect(accepted).toHaveLength(MAX_IMPORT_BYTES / MAX_FILE_BYTES);
    expect(problems[0]?.message).toMatch(
      /^Left out part5.jsonl: the files of one import can be at most 200 MB together/,
    );
  });

  it('puts what was left out for size with the other problems of the import', () => {
    const leftOut = selectFiles([{ name: 'huge.txt', size: MAX_FILE_BYTES + 1 }]).problems;
    const result = buildImport(
      [{ name: 'a.txt', kind: 'text', text: 'hi' }],
      [],
      undefined,
      leftOut,
    );
    expect(result.imported.documents).toEqual([{ id: 'a', text: 'hi' }]);
    expect(result.imported.problems).toEqual(leftOut);
  });

  it('counts a document longer than the service takes and leaves its text out', () => {
    const long = 'word '.repeat(MAX_DOCUMENT_CHARACTERS / 5 + 1);
    const result = buildImport([
      { name: 'long.txt', kind: 'text', text: long },
      { name: 'short.txt', kind: 'text', text: 'fine' },
      { name: 'edge.txt', kind: 'text', text: 'x'.repeat(MAX_DOCUMENT_CHARACTERS) },
    ]);
    expect(result.imported.documents.map((document) => document.id)).toEqual(['edge', 'short']);
    expect(result.imported.problems).toEqual([
      {
        severity: 'warning',
        message:
          '1 document is longer than the service takes (125,000 characters a document) and was left out: long.txt. Split it into shorter documents.',
      },
    ]);
  });

  it('counts text elements, not UTF-16 units, against the document limit', () => {
    // Each emoji is two UTF-16 units but one character to the service.
    const emoji = '😀'.repeat(MAX_DOCUMENT_CHARACTERS);
    const result = buildImport([{ name: 'emoji.txt', kind: 'text', text: emoji }]);
    expect(result.imported.documents).toHaveLength(1);
    expect(exceedsTextElements(`${emoji}😀`, MAX_DOCUMENT_CHARACTERS)).toBe(true);
    // A cluster cut by a window's end is counted once: "e" + combining acute is one character.
    const accents = 'e\u0301'.repeat(5_000);
    expect(exceedsTextElements(accents, 5_000)).toBe(false);
    expect(exceedsTextElements(`${accents}x`, 5_000)).toBe(true);
  });

  it('reads a JSON array of 200,000 records', () => {
    const records = Array.from({ length: 200_000 }, (_, index) => ({ id: `d${index}`, text: 'x' }));
    const result = buildImport([
      { name: 'many.json', kind: 'json', text: JSON.stringify(records) },
    ]);
    expect(result.imported.documents).toHaveLength(200_000);
    expect(result.imported.problems).toEqual([]);
  });

  it('previews only the start of a text', () => {
    expect(previewText('short')).toBe('short');
    const preview = previewText('a'.repeat(20_000_000));
    expect(preview).toBe(`${'a'.repeat(300)}…`);
    expect(previewText('😀'.repeat(1_000), 10)).toBe(`${'😀'.repeat(10)}…`);
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
