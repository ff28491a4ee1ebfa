import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../../service/model';
import { resultsToJson, type JsonExportMeta } from './results-json';

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

const meta: JsonExportMeta = {
  jobIds: ['job-1', 'job-2'],
  endpoint: 'https://my-language.cognitiveservices.azure.com',
  complete: false,
  exportedAt: new Date('2026-11-28T13:05:00Z'),
};

const documents: DocumentResult[] = [
  { id: 'doc1', classes: [{ category: 'Billing', confidence: 0.94 }], warnings: [] },
  {
    id: 'doc2',
    classes: [],
    warnings: [],
    error: { code: 'InvalidArgument', message: 'Bad.', innerCode: 'InvalidDocument' },
  },
];

describe('resultsToJson', () => {
  it('writes the normalised results under a small header with the endpoint host only', () => {
    const labels = new Map([['doc1', 'Account']]);
    expect(JSON.parse(resultsToJson(documents, meta, labels))).toEqual({
      exportedAt: '2026-11-28T13:05:00.000Z',
      endpointHost: 'my-language.cognitiveservices.azure.com',
      jobIds: ['job-1', 'job-2'],
      complete: false,
      documentCount: 2,
      documents: [
        {
          id: 'doc1',
          label: 'Account',
          classes: [{ category: 'Billing', confidence: 0.94 }],
          warnings: [],
        },
        {
          id: 'doc2',
          classes: [],
          warnings: [],
          error: { code: 'InvalidArgument', message: 'Bad.', innerCode: 'InvalidDocument' },
        },
      ],
    });
  });

  it('lets no key through, wherever one rides along', () => {
    const withKey = { ...meta, key: KEY, endpoint: `https://user:${KEY}@host.example/?key=${KEY}` };
    const documentsWithKey = documents.map((document) => ({ ...document, key: KEY }));
    const json = resultsToJson(documentsWithKey, withKey);
    expect(json).not.toContain(KEY);
    expect(JSON.parse(json)).toMatchObject({ endpointHost: 'host.example' });
  });
});

describe('resultsToJson with flagged results', () => {
  it('writes problems, as received, only for the documents that have them', () => {
    const flagged: DocumentResult[] = [
      {
        id: 'doc1',
        classes: [],
        warnings: [],
        problems: [{ kind: 'invalid-confidence', category: 'Huge', received: 'Infinity' }],
      },
      { id: 'doc2', classes: [], warnings: [] },
    ];
    const written: unknown = JSON.parse(resultsToJson(flagged, meta));
    expect(written).toEqual(
      expect.objectContaining({
        documents: [
          {
            id: 'doc1',
            classes: [],
            warnings: [],
            problems: [{ kind: 'invalid-confidence', category: 'Huge', received: 'Infinity' }],
          },
          { id: 'doc2', classes: [], warnings: [] },
        ],
      }),
    );
  });
});
