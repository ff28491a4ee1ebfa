import { describe, expect, it } from 'vitest';
import { analysisInput } from '../../../service/analysis-input';
import { buildImport, SERVICE_CLASS_LIMIT } from './build-import';
import { parseDelimited } from './delimited';
import { parseJsonDocuments } from './json-documents';
import { documentsFromTable, metadataColumns, suggestColumns } from './table-documents';

const table = parseDelimited(
  'id,text,label,Lang,source,customer\n' +
    't1,Refund my invoice,Billing,en,email,ACME\n' +
    't2,تطبيق يتعطل,TechnicalIssue,ar,chat,\n' +
    't3,Die App stürzt ab,TechnicalIssue,,email,Initech\n',
  ',',
);

describe('the language column', () => {
  it.each(['language', 'Lang', 'locale', 'language code', 'LANGUAGE_CODE'])(
    'is picked by its header “%s”',
    (header) => {
      const found = parseDelimited(`id,text,${header}\n1,hello,en\n`, ',');
      expect(suggestColumns(found).languageColumn).toBe(2);
    },
  );

  it('is not picked from a header that only contains the word', () => {
    expect(suggestColumns(parseDelimited('id,text,languages_spoken\n1,hi,3\n', ','))).toEqual({
      idColumn: 0,
      textColumn: 1,
    });
  });

  it("gives each row its language, and the job body carries it (else the form's)", () => {
    const choice = suggestColumns(table);
    expect(choice).toEqual({ idColumn: 0, textColumn: 1, labelColumn: 2, languageColumn: 3 });
    const { documents } = documentsFromTable(table, choice);
    expect(documents.map((document) => document.language)).toEqual(['en', 'ar', undefined]);
    const body = analysisInput({
      endpoint: 'https://x.cognitiveservices.azure.com',
      apiVersion: '2023-04-01',
      labelMode: 'single',
      projectName: 'p',
      deploymentName: 'd',
      modelId: '',
      language: 'de',
      jobName: '',
      documents,
    });
    expect(body.analysisInput.documents).toEqual([
      { id: 't1', language: 'en', text: 'Refund my invoice' },
      { id: 't2', language: 'ar', text: 'تطبيق يتعطل' },
      { id: 't3', language: 'de', text: 'Die App stürzt ab' },
    ]);
  });
});

describe('metadata', () => {
  it('keeps every other column by name, leaving empty cells out', () => {
    const { documents } = documentsFromTable(table, suggestColumns(table));
    expect(documents.map((document) => document.metadata)).toEqual([
      { source: 'email', customer: 'ACME' },
      { source: 'chat' },
      { source: 'email', customer: 'Initech' },
    ]);
  });

  it('keeps a column that is not chosen, and names repeated or blank headers apart', () => {
    const columns = ['id', 'text', 'x', 'x', ''];
    expect(metadataColumns(columns, { textColumn: 1 })).toEqual([
      { column: 0, name: 'id' },
      { column: 2, name: 'x' },
      { column: 3, name: 'x (column 4)' },
      { column: 4, name: 'Column 5' },
    ]);
    const odd = parseDelimited('text,__proto__\nhi,1\n', ',');
    expect(documentsFromTable(odd, { textColumn: 0 }).documents[0]?.metadata).toEqual(
      Object.fromEntries([['__proto__', '1']]),
    );
  });

  it('keeps the other fields of JSON records, numbers and structures as text', () => {
    const { documents } = parseJsonDocuments(
      '{"id":"a","text":"hi","language":"en","label":"A","source":"web","rating":4,"vip":true,"tags":["x"],"none":null,"blank":" "}\n',
    );
    expect(documents).toEqual([
      {
        id: 'a',
        text: 'hi',
        language: 'en',
        labels: ['A'],
        metadata: { source: 'web', rating: '4', vip: 'true', tags: '["x"]' },
      },
    ]);
  });
});

describe('a label column with more values than a project has classes', () => {
  const rows = (count: number) =>
    ['id,text,label', ...Array.from({ length: count }, (_, i) => `d${i},text ${i},c${i}`)].join(
      '\n',
    );

  it('is questioned, naming the column and the count', () => {
    const many = parseDelimited(rows(SERVICE_CLASS_LIMIT + 1), ',');
    const result = buildImport([{ name: 't.csv', kind: 'table', table: many }]);
    expect(result.classesQuestion).toEqual({ count: 201, source: 'label' });
    expect(result.imported.documents).toHaveLength(201);
  });

  it('is not at the limit, nor when no label column is chosen', () => {
    const limit = parseDelimited(rows(SERVICE_CLASS_LIMIT), ',');
    expect(buildImport([{ name: 't.csv', kind: 'table', table: limit }]).classesQuestion).toBe(
      undefined,
    );
    const many = parseDelimited(rows(300), ',');
    expect(
      buildImport([{ name: 't.csv', kind: 'table', table: many }], [], { textColumn: 1 })
        .classesQuestion,
    ).toBe(undefined);
  });

  it('is questioned for JSON records too', () => {
    const jsonl = Array.from({ length: 250 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, text: 'x', label: `c${i}` }),
    ).join('\n');
    expect(
      buildImport([{ name: 'a.jsonl', kind: 'json', text: jsonl }]).classesQuestion?.count,
    ).toBe(250);
  });
});
