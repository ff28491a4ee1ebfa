import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../../service/model';
import { exportFileName } from './export-file-name';
import { resultsToCsv } from './results-csv';

const documents: DocumentResult[] = [
  {
    id: 'doc1',
    classes: [
      { category: 'Billing', confidence: 0.94 },
      { category: 'Account', confidence: 0.03 },
    ],
    warnings: [],
  },
  {
    id: 'doc2, "quoted"',
    classes: [],
    warnings: [{ code: 'LongWordsInDocument', message: 'Very long words,\nwere truncated.' }],
  },
  {
    id: 'doc3',
    classes: [],
    warnings: [],
    error: {
      code: 'InvalidArgument',
      message: 'Invalid document in request.',
      innerCode: 'InvalidDocument',
      innerMessage: 'Document text is empty.',
    },
  },
];

describe('resultsToCsv', () => {
  it('writes a header and one row per document, quoting as RFC 4180 says, with CRLF line ends', () => {
    expect(resultsToCsv(documents).split('\r\n')).toEqual([
      'id,top_class,top_confidence,classes,warnings,error',
      'doc1,Billing,0.9400,Billing:0.9400; Account:0.0300,,',
      '"doc2, ""quoted""",,,,"LongWordsInDocument: Very long words,\nwere truncated.",',
      'doc3,,,,,InvalidDocument: Document text is empty.',
      '',
    ]);
  });

  it('adds a label column when labels are known', () => {
    const labels = new Map([['doc1', 'Billing']]);
    const [header, first, second] = resultsToCsv(documents, labels).split('\r\n');
    expect(header).toBe('id,top_class,top_confidence,classes,warnings,error,label');
    expect(first).toMatch(/,Billing$/);
    expect(second).toMatch(/,$/);
  });

  it('keeps cells from being run as spreadsheet formulas', () => {
    const risky: DocumentResult[] = ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\ry'].map((id) => ({
      id,
      classes: [{ category: '=HYPERLINK("http://x")', confidence: 0.5 }],
      warnings: [],
    }));
    const rows = resultsToCsv(risky).split('\r\n').slice(1, -1);
    expect(rows.map((row) => row.split(',')[0])).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2",
      "'@cmd",
      "'\tx",
      '"\'\ry"',
    ]);
    expect(rows[0]).toContain(`'=HYPERLINK(""http://x"")`);
  });

  it('writes only the header when there are no results', () => {
    expect(resultsToCsv([])).toBe('id,top_class,top_confidence,classes,warnings,error\r\n');
  });
});

describe('exportFileName', () => {
  it('names the file by the local date and time, without characters a file system dislikes', () => {
    expect(exportFileName('csv', new Date(2026, 10, 28, 13, 5, 59))).toBe(
      'classify-results-2026-11-28T13-05.csv',
    );
  });
});
