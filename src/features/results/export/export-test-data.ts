import type { DocumentResult } from '../../../service/model';
import type { ResultItem, ResultMark, ResultsRunSettings } from '../result-item';

/** Test data for the exports: a run by model ID, with a threshold, so every optional column is written. */
export const settings: ResultsRunSettings = {
  runName: 'Tickets "March"',
  endpoint: 'https://contoso.cognitiveservices.azure.com',
  jobIds: ['job-1'],
  projectName: 'SupportTickets',
  modelId: 'model-7',
  apiVersion: '2023-04-01',
  labelMode: 'multi',
  ranAt: Date.UTC(2026, 11, 1, 9),
  threshold: 0.3,
};
export const meta = { complete: false, exportedAt: new Date('2026-12-01T10:00:00Z') };

const texts = [
  'Refund, "please"\nnow',
  '=cmd()',
  'فاتورتي خاطئة',
  'a;-2\r\n@x',
  '',
  'emoji 😀 \\ \u2028',
];

/** Every kind of cell the exports write: errors, warnings, problems, labels, corrections, marks. */
function resultItem(index: number): ResultItem {
  const text = texts[index % texts.length] ?? '';
  const result: DocumentResult = {
    id: index % 7 === 3 ? `doc${index}, ${text}` : `doc${index}`,
    classes:
      index % 5 === 0
        ? []
        : [
            { category: index % 4 === 0 ? '=Billing' : 'Billing', confidence: (index % 10) / 10 },
            { category: 'Account', confidence: 0.05 },
          ],
    warnings: index % 6 === 0 ? [{ code: 'LongWords', message: `Truncated,\n${text}` }] : [],
    ...(index % 9 === 0
      ? { error: { code: 'InvalidArgument', message: text, innerCode: 'InvalidDocument' } }
      : {}),
    ...(index % 11 === 0
      ? { problems: [{ kind: 'invalid-confidence', category: 'Huge', received: '42' }] }
      : {}),
  };
  return {
    result,
    text,
    ...(index % 2 === 0 ? { labels: ['Billing', 'Account'].slice(0, 1 + (index % 3)) } : {}),
    ...(index % 8 === 0 ? { correction: index % 16 === 0 ? [] : ['Account'] } : {}),
  };
}

export const itemsOf = (count: number) =>
  Array.from({ length: count }, (_, index) => resultItem(index));
export const marksOf = (items: readonly ResultItem[]) =>
  new Map<string, ResultMark>(
    items.map(({ result }, index) => [
      result.id,
      { mismatch: index % 3 === 0, belowThreshold: index % 4 === 0 },
    ]),
  );
