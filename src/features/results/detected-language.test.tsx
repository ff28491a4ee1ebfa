// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../service/model';
import { renderWithProviders } from '../../test/render';
import { resultsToCsv } from './export/results-csv';
import { resultsToJson } from './export/results-json';
import type { ResultItem, ResultsRunSettings } from './result-item';
import { ResultsView } from './results-view';

/** The language a detecting preview version returned, in the table, the detail and the exports. */

afterEach(cleanup);

const settings: ResultsRunSettings = {
  runName: 'Tickets',
  endpoint: 'https://contoso.cognitiveservices.azure.com',
  jobIds: ['job-1'],
  projectName: 'SupportTickets',
  deploymentName: 'production',
  apiVersion: '2025-11-15-preview',
  labelMode: 'single',
  ranAt: Date.UTC(2026, 11, 1, 9),
  threshold: 0,
};

const result = (id: string, language?: DocumentResult['detectedLanguage']): DocumentResult => ({
  id,
  classes: [{ category: 'Billing', confidence: 0.9 }],
  warnings: [],
  ...(language ? { detectedLanguage: language } : {}),
});

const detected: ResultItem[] = [
  {
    result: result('doc1', { code: 'en', name: 'English', confidence: 0.98 }),
    text: 'My invoice is wrong',
  },
  { result: result('doc2', { code: 'fr' }), text: 'Ma facture est fausse' },
  { result: result('doc3'), text: '12345' },
];
const plain: ResultItem[] = [{ result: result('doc1'), text: 'My invoice is wrong' }];

function renderView(items: ResultItem[]) {
  renderWithProviders(
    <ResultsView
      items={items}
      raw={undefined}
      finished
      settings={settings}
      classNames={['Billing']}
    />,
  );
  return screen.getByRole('table', { name: 'Results' });
}

describe('Detected language', () => {
  it('is a column, before the notes, when some result has one', () => {
    const table = renderView(detected);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers.slice(-2)).toEqual(['Detected language', 'Warnings and errors']);
    const header = within(table).getByRole('columnheader', { name: 'Detected language' });
    // Left out on phones (the stylesheet hides what is marked so).
    expect(header.hasAttribute('data-phone-hidden')).toBe(true);
    const row = (id: string) => within(table).getByRole('rowheader', { name: id }).closest('tr');
    expect(row('doc1')?.textContent).toContain('English');
    expect(row('doc1')?.textContent).toContain('en · 98.0%');
    expect(row('doc2')?.textContent).toContain('fr');
    const cell = row('doc1')?.querySelector('[data-phone-hidden]');
    expect(cell?.textContent).toContain('English');
  });

  it('is no column when no result has one (GA versions)', () => {
    const table = renderView(plain);
    expect(within(table).queryByRole('columnheader', { name: 'Detected language' })).toBeNull();
  });

  it('is in the CSV, code and confidence, only when some result has one', () => {
    const [header, first, second, third] = resultsToCsv(detected).split('\r\n');
    expect(header).toContain('detected_language,detected_language_confidence');
    expect(first).toContain('"en",0.9800');
    expect(second).toContain('"fr",');
    expect(third).toContain('"",');
    expect(resultsToCsv(plain)).not.toContain('detected_language');
  });

  it('is in the JSON by field, with what the service said', () => {
    const json: unknown = JSON.parse(
      resultsToJson(detected, settings, { complete: true, exportedAt: new Date(0) }),
    );
    expect(json).toMatchObject({
      documents: [
        { id: 'doc1', detectedLanguage: { code: 'en', name: 'English', confidence: 0.98 } },
        { id: 'doc2', detectedLanguage: { code: 'fr' } },
        { id: 'doc3' },
      ],
    });
    expect(JSON.stringify(json)).not.toContain('"detectedLanguage":{"code":""');
  });
});
