import { describe, expect, it } from 'vitest';
import { parseDelimited } from './delimited';
import { parseLabels } from './imported-documents';
import { parseJsonDocuments } from './json-documents';
import { documentsFromTable } from './table-documents';

describe('parseLabels', () => {
  it('splits on ; and |, trims, and keeps names exactly as written', () => {
    expect(parseLabels('Billing')).toEqual(['Billing']);
    expect(parseLabels(' Action ; Comedy|Drama ')).toEqual(['Action', 'Comedy', 'Drama']);
    expect(parseLabels('billing;Billing')).toEqual(['billing', 'Billing']);
    expect(parseLabels('Sci-Fi & Fantasy')).toEqual(['Sci-Fi & Fantasy']);
  });

  it('drops empty names and repeats', () => {
    expect(parseLabels('')).toEqual([]);
    expect(parseLabels(' ; | ')).toEqual([]);
    expect(parseLabels('A;;A|B;')).toEqual(['A', 'B']);
    expect(parseLabels([' A ', '', 'B', 'A'])).toEqual(['A', 'B']);
  });
});

describe('gold labels from a table', () => {
  const table = parseDelimited(
    'id,text,genres\n1,A heist,Action; Crime\n2,A love story,Romance\n3,Untagged,\n4,Many,Drama|Comedy\n',
    ',',
  );

  it('reads one or several labels from the label column', () => {
    const { documents } = documentsFromTable(table, { textColumn: 1, idColumn: 0, labelColumn: 2 });
    expect(documents).toEqual([
      { id: '1', text: 'A heist', labels: ['Action', 'Crime'] },
      { id: '2', text: 'A love story', labels: ['Romance'] },
      { id: '3', text: 'Untagged' },
      { id: '4', text: 'Many', labels: ['Drama', 'Comedy'] },
    ]);
  });

  it('keeps no labels without a label column', () => {
    const { documents } = documentsFromTable(table, { textColumn: 1, idColumn: 0 });
    expect(documents.every((document) => document.labels === undefined)).toBe(true);
  });
});

describe('gold labels from JSON', () => {
  it('reads label, labels as a list, and labels as one separated string', () => {
    const { documents, problems } = parseJsonDocuments(
      [
        '{"id":"a","text":"one","label":"Billing"}',
        '{"id":"b","text":"two","labels":["Action","Comedy"]}',
        '{"id":"c","text":"three","labels":"Drama | Crime"}',
        '{"id":"d","text":"four","label":"A;B"}',
        '{"id":"e","text":"five","labels":[]}',
        '{"id":"f","text":"six"}',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.labels)).toEqual([
      ['Billing'],
      ['Action', 'Comedy'],
      ['Drama', 'Crime'],
      ['A', 'B'],
      undefined,
      undefined,
    ]);
  });

  it('reads labels in a JSON array of records, case kept', () => {
    const { documents } = parseJsonDocuments(
      JSON.stringify([{ id: 1, text: 'x', labels: ['technicalIssue', 'TechnicalIssue'] }]),
    );
    expect(documents).toEqual([
      { id: '1', text: 'x', labels: ['technicalIssue', 'TechnicalIssue'] },
    ]);
  });

  it('says which record has labels of the wrong kind', () => {
    const { problems } = parseJsonDocuments('{"id":"a","text":"one","labels":{"x":1}}');
    expect(problems[0]?.severity).toBe('error');
    expect(problems[0]?.message).toContain('line 1: labels');
  });
});
