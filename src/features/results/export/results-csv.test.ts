import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../../service/model';
import type { ResultItem } from '../result-item';
import { exportFileName } from './export-file-name';
import { labelsToCsv, neutraliseFormulae, resultsToCsv } from './results-csv';

const doc1: DocumentResult = {
  id: 'doc1',
  classes: [
    { category: 'Billing', confidence: 0.94 },
    { category: 'Account', confidence: 0.03 },
  ],
  warnings: [],
};
const doc2: DocumentResult = {
  id: 'doc2, "quoted"',
  classes: [],
  warnings: [{ code: 'LongWordsInDocument', message: 'Very long words,\nwere truncated.' }],
};
const doc3: DocumentResult = {
  id: 'doc3',
  classes: [],
  warnings: [],
  error: {
    code: 'InvalidArgument',
    message: 'Invalid document in request.',
    innerCode: 'InvalidDocument',
    innerMessage: 'Document text is empty.',
  },
};

const asItems = (documents: DocumentResult[], text = ''): ResultItem[] =>
  documents.map((result) => ({ result, text }));

describe('resultsToCsv', () => {
  it('writes a header and one row per document, every text cell quoted, with CRLF line ends', () => {
    const items: ResultItem[] = [
      { result: doc1, text: 'Refund, "please"\nnow' },
      { result: doc2, text: '' },
      { result: doc3, text: '' },
    ];
    expect(resultsToCsv(items).split('\r\n')).toEqual([
      'id,text,top_class,top_confidence,classes,warnings,error',
      '"doc1","Refund, ""please""\nnow","Billing",0.9400,"Billing:0.9400; Account:0.0300","",""',
      '"doc2, ""quoted""","","",,"","LongWordsInDocument: Very long words,\nwere truncated.",""',
      '"doc3","","",,"","","InvalidDocument: Document text is empty."',
      '',
    ]);
  });

  it('adds label and corrected_label columns when some document has them, several joined by ;', () => {
    const items: ResultItem[] = [
      { result: doc1, text: '', labels: ['Billing', 'Account'], correction: ['Shipping'] },
      { result: doc2, text: '' },
    ];
    const [header, first, second] = resultsToCsv(items).split('\r\n');
    expect(header).toBe(
      'id,text,top_class,top_confidence,classes,warnings,error,label,corrected_label',
    );
    expect(first).toMatch(/,"Billing; Account","Shipping"$/);
    expect(second).toMatch(/,"",""$/);
  });

  it('keeps the order it is given (input order) and writes what a threshold keeps', () => {
    const csv = resultsToCsv(asItems([doc3, doc1]), { labelMode: 'multi', threshold: 0.02 });
    const [header, first, second] = csv.split('\r\n');
    expect(header).toMatch(/,error,kept_classes,threshold$/);
    expect(first).toMatch(/^"doc3".*,"",0\.02$/);
    expect(second).toMatch(/^"doc1".*,"Billing; Account",0\.02$/);
    const single = resultsToCsv(asItems([doc1]), { labelMode: 'single', threshold: 0.95 });
    expect(single.split('\r\n')[1]).toMatch(/,"",0\.95$/);
    const none = resultsToCsv(asItems([doc1]), { labelMode: 'single', threshold: 0 });
    expect(none).not.toContain('kept_classes');
    // The threshold is written even at 0: the file says it kept every class.
    expect(none.split('\r\n')[0]).toMatch(/,error,threshold$/);
    expect(none.split('\r\n')[1]).toMatch(/,0$/);
  });

  it('keeps cells from being run as spreadsheet formulas', () => {
    const risky: DocumentResult[] = ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\ry'].map((id) => ({
      id,
      classes: [{ category: '=HYPERLINK("http://x")', confidence: 0.5 }],
      warnings: [],
    }));
    const rows = resultsToCsv(asItems(risky, '-1 star')).split('\r\n').slice(1, -1);
    expect(rows.every((row) => row.includes(`,"'-1 star",`))).toBe(true);
    expect(rows.map((row) => row.split(',')[0])).toEqual([
      `"'=1+1"`,
      `"'+SUM(A1)"`,
      `"'-2"`,
      `"'@cmd"`,
      `"'\tx"`,
      `"'\ry"`,
    ]);
    expect(rows[0]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('keeps a formula from starting after a separator or a line break inside a value', () => {
    // LibreOffice Calc splitting on ";" ran these as formulas when they were not quoted.
    const risky: DocumentResult[] = [
      ';=2*3;',
      'a,=7*6',
      'a\tb\t@SUM(1)',
      'a\n=HYPERLINK("http://x")',
      'a\r\n+1',
      '=1+1\nsecond line',
      'x; -2',
    ].map((id) => ({ id, classes: [], warnings: [] }));
    const csv = resultsToCsv(asItems(risky));
    const ids = csv
      .slice(csv.indexOf('\r\n') + 2)
      .split(',"","",,"","",""\r\n')
      .slice(0, -1);
    expect(ids).toEqual([
      `";'=2*3;"`,
      `"a,'=7*6"`,
      `"a\tb\t'@SUM(1)"`,
      `"a\n'=HYPERLINK(""http://x"")"`,
      `"a\r\n'+1"`,
      `"'=1+1\nsecond line"`,
      `"x; '-2"`,
    ]);
  });

  it('neutralises every trigger that could start a cell, a chain of them included', () => {
    expect(neutraliseFormulae(';\t=1')).toBe(";'\t'=1");
    expect(neutraliseFormulae('a;b,c-d')).toBe('a;b,c-d');
    expect(neutraliseFormulae('Billing:0.9400; =cmd:0.5000')).toBe("Billing:0.9400; '=cmd:0.5000");
  });

  it('flags invalid confidences and duplicate ids in a flags column instead of scoring them', () => {
    const flagged: DocumentResult[] = [
      {
        id: 'doc1',
        classes: [{ category: 'Fine', confidence: 0.3 }],
        warnings: [],
        problems: [
          { kind: 'invalid-confidence', category: 'Huge', received: '42' },
          { kind: 'duplicate-id' },
        ],
      },
      { id: 'doc2', classes: [], warnings: [] },
    ];
    const [header, first, second] = resultsToCsv(asItems(flagged)).split('\r\n');
    expect(header).toBe('id,text,top_class,top_confidence,classes,warnings,error,flags');
    expect(first).toBe(
      '"doc1","","Fine",0.3000,"Fine:0.3000","","","invalid confidence for Huge: 42; duplicate id"',
    );
    expect(second).toBe('"doc2","","",,"","","",""');
  });

  it('writes only the header when there are no results', () => {
    expect(resultsToCsv([])).toBe('id,text,top_class,top_confidence,classes,warnings,error\r\n');
  });
});

describe('labelsToCsv', () => {
  it('writes id, text and the correction, else the gold label, else nothing, in input order', () => {
    const items: ResultItem[] = [
      { result: doc3, text: 'No label here' },
      { result: doc1, text: 'Refund my invoice', labels: ['Billing'], correction: ['Account'] },
      { result: doc2, text: '=cmd()\nsecond line', labels: ['Shipping', 'Billing'] },
    ];
    expect(labelsToCsv(items).split('\r\n')).toEqual([
      'id,text,label',
      '"doc3","No label here",""',
      '"doc1","Refund my invoice","Account"',
      `"doc2, ""quoted""","=cmd()\nsecond line","Shipping; Billing"`,
      '',
    ]);
  });

  it('keeps every text byte for byte, formula-like ones too, so the import reads them back the same', () => {
    const texts = ['=1+1', '+SUM(A1)', '-2 degrees', '@home', 'a;=7*6', '\tindented', 'x\r\n=y'];
    const items: ResultItem[] = texts.map((text, index) => ({
      result: { ...doc1, id: `=id${index}` },
      text,
      labels: ['=Label'],
    }));
    const parsed = Papa.parse<string[]>(labelsToCsv(items), { skipEmptyLines: true }).data;
    expect(parsed.slice(1)).toEqual(texts.map((text, index) => [`=id${index}`, text, '=Label']));
  });
});

describe('exportFileName', () => {
  it('names the file by the local date and time, without characters a file system dislikes', () => {
    expect(exportFileName('csv', new Date(2026, 10, 28, 13, 5, 59))).toBe(
      'classify-results-2026-11-28T13-05.csv',
    );
    expect(exportFileName('csv', new Date(2026, 10, 28, 13, 5), 'labels')).toBe(
      'classify-labels-2026-11-28T13-05.csv',
    );
  });
});
