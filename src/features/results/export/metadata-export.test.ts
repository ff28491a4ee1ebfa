import { describe, expect, it } from 'vitest';
import type { ResultItem } from '../result-item';
import { resultsToCsv } from './results-csv';
import { resultsToJson } from './results-json';
import { meta, settings } from './export-test-data';

const item = (
  id: string,
  metadata: Record<string, string> | undefined,
  language?: string,
): ResultItem => ({
  result: { id, classes: [{ category: 'Billing', confidence: 0.9 }], warnings: [] },
  text: `text of ${id}`,
  ...(metadata ? { metadata } : {}),
  ...(language ? { language } : {}),
});

const items = [
  item('a', { source: 'email', text: 'clash' }, 'de'),
  item('b', undefined),
  item('c', { customer: '=ACME', source: 'chat' }),
];

describe('metadata in the exports', () => {
  it('writes one CSV column per metadata name, in the order first met, empty where a document has none', () => {
    const [header, ...rows] = resultsToCsv(items).trimEnd().split('\r\n');
    expect(header).toBe(
      'id,text,top_class,top_confidence,classes,warnings,error,source,metadata.text,customer',
    );
    expect(rows[0]).toMatch(/,"email","clash",""$/);
    expect(rows[1]).toMatch(/,"","",""$/);
    // A metadata value is a text cell like any other: quoted, its formula neutralised.
    expect(rows[2]).toMatch(/,"chat","","'=ACME"$/);
  });

  it('writes each document’s metadata and own language in the JSON', () => {
    const json: unknown = JSON.parse(resultsToJson(items, settings, meta));
    expect(json).toMatchObject({
      documents: [
        { id: 'a', language: 'de', metadata: { source: 'email', text: 'clash' } },
        { id: 'b' },
        { id: 'c', metadata: { customer: '=ACME', source: 'chat' } },
      ],
    });
    expect(json).not.toMatchObject({ documents: [{}, { metadata: {} }, {}] });
    expect(json).not.toMatchObject({ documents: [{}, { language: 'de' }, {}] });
  });
});
