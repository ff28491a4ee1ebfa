import { describe, expect, it } from 'vitest';
import { parseDelimited } from './delimited';
import { columnName, documentsFromTable, suggestColumns } from './table-documents';

const tickets = parseDelimited(
  'ticket_id,body,label\nT-1,Refund my invoice,Billing\nT-2,App crashes,TechnicalIssue\n',
  ',',
);

describe('documentsFromTable', () => {
  it('takes the chosen text, id and label columns', () => {
    expect(documentsFromTable(tickets, { textColumn: 1, idColumn: 0, labelColumn: 2 })).toEqual({
      documents: [
        { id: 'T-1', text: 'Refund my invoice', labels: ['Billing'] },
        { id: 'T-2', text: 'App crashes', labels: ['TechnicalIssue'] },
      ],
      problems: [],
    });
  });

  it('numbers documents doc1…docN by data row when there is no id column, skipping blank lines', () => {
    const table = parseDelimited('text\nfirst\n\nthird\n', ',');
    expect(documentsFromTable(table, { textColumn: 0 }).documents).toEqual([
      { id: 'doc1', text: 'first' },
      { id: 'doc3', text: 'third' },
    ]);
  });

  it('names duplicate ids with their rows, as a spreadsheet numbers them', () => {
    const table = parseDelimited('id,text\na,1\nb,2\na,3\nb,4\na,5\nc,6\n', ',');
    const { problems } = documentsFromTable(table, { textColumn: 1, idColumn: 0 });
    expect(problems).toEqual([
      {
        severity: 'error',
        message:
          '2 ids are used more than once: “a” (rows 2, 4 and 6), “b” (rows 3 and 5). Ids must be unique.',
      },
    ]);
  });

  it('blocks on empty ids and leaves out empty texts, with their rows', () => {
    const table = parseDelimited('id,text\n,no id\nx,  \ny,fine\n  ,also no id\n', ',');
    const result = documentsFromTable(table, { textColumn: 1, idColumn: 0 });
    expect(result.documents.map((document) => document.id)).toEqual(['', 'y', '']);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message: '2 documents have no id: rows 2 and 5. Every document needs an id.',
      },
      { severity: 'warning', message: '1 document has no text and was left out: row 3.' },
    ]);
  });

  it('leaves out rows whose text is too long for the service, naming the rows', () => {
    const long = 'y'.repeat(130_000);
    const table = parseDelimited(`id,text\na,${long}\nb,fine\nc,${long}\n`, ',');
    const { documents, problems } = documentsFromTable(table, { textColumn: 1, idColumn: 0 });
    expect(documents).toEqual([{ id: 'b', text: 'fine' }]);
    expect(problems[0]?.message).toMatch(/^2 documents are longer .* rows 2 and 4\. Split them/);
  });

  it('explains a quote that never closes', () => {
    const table = parseDelimited('id,text\n1,"open\n', ',');
    const { problems } = documentsFromTable(table, { textColumn: 1, idColumn: 0 });
    expect(problems[0]?.message).toMatch(/starts on row 2 is never closed/);
  });

  it('explains text after a closing quote, naming the row, once even if no quote closes it', () => {
    const table = parseDelimited('id,text\n1,fine\n2,"Hello" she said\n3,"more"\n', ',');
    const { problems } = documentsFromTable(table, { textColumn: 1, idColumn: 0 });
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^A quoted value on row 3 goes on after its closing quote/),
    ]);
    expect(problems[0]?.severity).toBe('error');
    const open = parseDelimited('id,text\n1,"Hello" she said\n', ',');
    const { problems: once } = documentsFromTable(open, { textColumn: 1, idColumn: 0 });
    expect(once.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^A quoted value on row 2 goes on after its closing quote/),
    ]);
  });
});

describe('suggestColumns', () => {
  it('finds columns by their usual names', () => {
    expect(suggestColumns(tickets)).toEqual({ textColumn: 1, idColumn: 0, labelColumn: 2 });
  });

  it('otherwise takes the column with the longest values as the text', () => {
    const table = parseDelimited('a,b\nx,a long sentence here\ny,another long one\n', ',');
    expect(suggestColumns(table)).toEqual({ textColumn: 1 });
  });

  it('names blank header cells by position', () => {
    expect(columnName(parseDelimited('id,\n1,2\n', ',').columns, 1)).toBe('Column 2');
  });
});
