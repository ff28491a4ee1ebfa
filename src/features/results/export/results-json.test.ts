import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../../service/model';
import type { ResultItem, ResultsRunSettings } from '../result-item';
import { resultsToJson, type JsonExportMeta } from './results-json';

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

const settings: ResultsRunSettings = {
  runName: 'SupportTickets/production · 2 docs',
  endpoint: 'https://my-language.cognitiveservices.azure.com',
  jobIds: ['job-1', 'job-2'],
  projectName: 'SupportTickets',
  deploymentName: 'production',
  apiVersion: '2023-04-01',
  labelMode: 'single',
  ranAt: Date.UTC(2026, 10, 28, 12, 0),
  threshold: 0.4,
};

const meta: JsonExportMeta = { complete: false, exportedAt: new Date('2026-11-28T13:05:00Z') };

const doc1: DocumentResult = {
  id: 'doc1',
  classes: [{ category: 'Billing', confidence: 0.94 }],
  warnings: [],
};
const doc2: DocumentResult = {
  id: 'doc2',
  classes: [],
  warnings: [],
  error: { code: 'InvalidArgument', message: 'Bad.', innerCode: 'InvalidDocument' },
};

const items: ResultItem[] = [
  { result: doc2, text: '' },
  { result: doc1, text: 'فاتورتي خاطئة', labels: ['Account'], correction: ['Billing'] },
];

describe('resultsToJson', () => {
  it('writes the run’s settings and the documents in the order given, with text, labels and corrections', () => {
    const marks = new Map([['doc1', { mismatch: true, belowThreshold: false }]]);
    expect(JSON.parse(resultsToJson(items, settings, meta, marks))).toEqual({
      exportedAt: '2026-11-28T13:05:00.000Z',
      endpointHost: 'my-language.cognitiveservices.azure.com',
      jobIds: ['job-1', 'job-2'],
      complete: false,
      run: {
        name: 'SupportTickets/production · 2 docs',
        projectName: 'SupportTickets',
        deploymentName: 'production',
        apiVersion: '2023-04-01',
        kind: 'single-label',
        ranAt: '2026-11-28T12:00:00.000Z',
        threshold: 0.4,
      },
      documentCount: 2,
      documents: [
        {
          id: 'doc2',
          text: '',
          classes: [],
          warnings: [],
          error: { code: 'InvalidArgument', message: 'Bad.', innerCode: 'InvalidDocument' },
        },
        {
          id: 'doc1',
          text: 'فاتورتي خاطئة',
          labels: ['Account'],
          correction: ['Billing'],
          classes: [{ category: 'Billing', confidence: 0.94 }],
          warnings: [],
          mismatch: true,
        },
      ],
    });
  });

  it('writes the model ID instead of a deployment when that is what the run used', () => {
    const byModel: ResultsRunSettings = {
      ...settings,
      deploymentName: '',
      modelId: 'model-7',
      labelMode: 'multi',
    };
    const written: unknown = JSON.parse(resultsToJson([], byModel, meta));
    expect(written).toHaveProperty('run.modelId', 'model-7');
    expect(written).not.toHaveProperty('run.deploymentName');
    expect(written).toHaveProperty('run.kind', 'multi-label');
  });

  it('lets no key through, wherever one rides along', () => {
    const withKey = {
      ...settings,
      key: KEY,
      endpoint: `https://user:${KEY}@host.example/?key=${KEY}`,
    };
    const itemsWithKey = items.map((item) => ({
      ...item,
      key: KEY,
      result: { ...item.result, key: KEY },
    }));
    const metaWithKey = { ...meta, key: KEY };
    const json = resultsToJson(itemsWithKey, withKey, metaWithKey);
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
    const written: unknown = JSON.parse(
      resultsToJson(
        flagged.map((result) => ({ result, text: 'x' })),
        settings,
        meta,
      ),
    );
    expect(written).toEqual(
      expect.objectContaining({
        documents: [
          {
            id: 'doc1',
            text: 'x',
            classes: [],
            warnings: [],
            problems: [{ kind: 'invalid-confidence', category: 'Huge', received: 'Infinity' }],
          },
          { id: 'doc2', text: 'x', classes: [], warnings: [] },
        ],
      }),
    );
  });
});
