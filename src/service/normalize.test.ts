import { describe, expect, it } from 'vitest';
import gaMulti from './fixtures/ga-job-multi-succeeded.json';
import gaNotStarted from './fixtures/ga-job-notstarted.json';
import gaSinglePage1 from './fixtures/ga-job-single-succeeded-page1.json';
import gaTaskFailed from './fixtures/ga-job-task-failed.json';
import previewSingle from './fixtures/preview-v3.2-single-succeeded.json';
import previewMulti from './fixtures/seed-v3.1-multi-completed.json';
import { ServiceError } from './errors';
import { flagDuplicateIds, parseJob, phaseOf } from './normalize';

describe('parseJob', () => {
  it('reads a GA single-label page with warnings, a document error and a nextLink', () => {
    const job = parseJob(gaSinglePage1);
    expect(job).toMatchObject({
      jobId: '93b61aa0-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      status: 'succeeded',
      phase: 'done',
      displayName: 'Quarterly tickets',
      tasks: { completed: 1, failed: 0, inProgress: 0, total: 1 },
      createdAt: '2026-03-14T09:26:53Z',
      updatedAt: '2026-03-14T09:26:55Z',
      expiresAt: '2026-03-15T09:26:53Z',
      nextLink: gaSinglePage1.nextLink,
    });
    expect(job.documents).toEqual([
      { id: 'doc1', classes: [{ category: 'RateBook', confidence: 0.76 }], warnings: [] },
      {
        id: 'doc2',
        classes: [{ category: 'PlayMusic', confidence: 0.91 }],
        warnings: [
          {
            code: 'LongWordsInDocument',
            message: gaSinglePage1.tasks.items[0]?.results.documents[1]?.warnings[0]?.message,
          },
        ],
      },
      {
        id: 'doc3',
        classes: [],
        warnings: [],
        error: {
          code: 'InvalidArgument',
          message: 'Invalid Document in request.',
          innerCode: 'InvalidDocument',
          innerMessage: 'Document text is empty.',
        },
      },
    ]);
  });

  it('reads GA multi-label classes, highest first, and an empty class list', () => {
    const job = parseJob(gaMulti);
    expect(job.documents.map((d) => d.classes)).toEqual([
      [
        { category: 'Comedy', confidence: 0.84 },
        { category: 'Drama', confidence: 0.61 },
      ],
      [],
    ]);
    expect(job.nextLink).toBeUndefined();
  });

  it('treats notStarted as waiting with no documents', () => {
    const job = parseJob(gaNotStarted);
    expect(job.phase).toBe('waiting');
    expect(job.documents).toEqual([]);
  });

  it('explains a failed task with the job error that targets it', () => {
    const job = parseJob(gaTaskFailed);
    expect(job.phase).toBe('failed');
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0]).toMatchObject({ code: 'InvalidRequest', target: '#/tasks/items/0' });
    expect(job.errors[0]?.message).toContain("'productionn'");
  });

  it("reads the preview's completed status and classes", () => {
    const job = parseJob(previewMulti);
    expect(job.phase).toBe('done');
    expect(job.status).toBe('completed');
    expect(job.displayName).toBe('MyJobName');
    expect(job.documents[1]?.classes.map((c) => c.category)).toEqual(['Class_1', 'Class_2']);
  });

  it("reads the later preview's state, classification and @nextLink", () => {
    const job = parseJob(previewSingle);
    expect(job.documents).toEqual([
      { id: '1', classes: [{ category: 'RateBook', confidence: 0.76 }], warnings: [] },
    ]);
    expect(job.nextLink).toContain('$skip=20');
  });

  it('turns a wrong shape into a ServiceError instead of a crash later', () => {
    expect(() => parseJob({ status: 'running' })).toThrow(ServiceError);
    expect(() => parseJob('<html>')).toThrow(/expected format/);
  });

  it('maps every terminal status and keeps polling on unknown ones', () => {
    expect(
      ['succeeded', 'partiallyCompleted', 'partiallySucceeded', 'completed'].map(phaseOf),
    ).toEqual(['done', 'done', 'done', 'done']);
    expect(phaseOf('failed')).toBe('failed');
    expect(phaseOf('cancelled')).toBe('cancelled');
    expect(phaseOf('cancelling')).toBe('running');
    // Object.prototype's member names are unknown statuses: poll again.
    for (const odd of ['__proto__', 'constructor', 'toString', 'valueOf'])
      expect(phaseOf(odd)).toBe('running');
    expect(phaseOf('somethingNew')).toBe('running');
  });

  it('keeps confidences outside [0, 1] or not finite out of the scores and flags them', () => {
    const scores = [
      { category: 'Negative', confidenceScore: -5 },
      { category: 'Huge', confidenceScore: 42 },
      { category: 'Fine', confidenceScore: 0.3 },
      { category: 'Enormous', confidenceScore: 1e308 },
    ];
    // 1e999 parses to Infinity, which a strict number schema would turn into a failed job.
    const body: unknown = JSON.parse(
      JSON.stringify(withDocuments([{ id: 'doc1', class: scores, warnings: [] }])).replace(
        '1e+308',
        '1e999',
      ),
    );
    expect(parseJob(body).documents).toEqual([
      {
        id: 'doc1',
        classes: [{ category: 'Fine', confidence: 0.3 }],
        warnings: [],
        problems: [
          { kind: 'invalid-confidence', category: 'Negative', received: '-5' },
          { kind: 'invalid-confidence', category: 'Huge', received: '42' },
          { kind: 'invalid-confidence', category: 'Enormous', received: 'Infinity' },
        ],
      },
    ]);
  });

  it('accepts the edges 0 and 1', () => {
    const scores = [
      { category: 'A', confidenceScore: 1 },
      { category: 'B', confidenceScore: 0 },
    ];
    const [document] = parseJob(
      withDocuments([{ id: 'd', class: scores, warnings: [] }]),
    ).documents;
    expect(document?.problems).toBeUndefined();
    expect(document?.classes).toHaveLength(2);
  });

  it('flags every result of an id given more than once, keeping both', () => {
    const twice = [
      { id: 'doc1', class: [], warnings: [] },
      { id: 'doc2', class: [], warnings: [] },
      { id: 'doc1', class: [{ category: 'X', confidenceScore: 0.5 }], warnings: [] },
    ];
    const { documents } = parseJob(withDocuments(twice));
    expect(documents.map((d) => [d.id, d.problems])).toEqual([
      ['doc1', [{ kind: 'duplicate-id' }]],
      ['doc1', [{ kind: 'duplicate-id' }]],
      ['doc2', undefined],
    ]);
    expect(flagDuplicateIds(documents)).toEqual(documents);
  });
});

/** A finished GA job whose one task holds these documents. */
function withDocuments(documents: unknown[]) {
  const [task] = gaMulti.tasks.items;
  return {
    ...gaMulti,
    tasks: { ...gaMulti.tasks, items: [{ ...task, results: { documents, errors: [] } }] },
  };
}

describe('detectedLanguage (preview versions from 2024-11-15-preview)', () => {
  const job = (detectedLanguage: unknown) => ({
    jobId: 'j',
    status: 'succeeded',
    tasks: {
      completed: 1,
      failed: 0,
      inProgress: 0,
      total: 1,
      items: [
        {
          kind: 'CustomMultiLabelClassificationLROResults',
          status: 'succeeded',
          results: {
            documents: [
              {
                id: '1',
                class: [{ category: 'Drama', confidenceScore: 0.91 }],
                warnings: [],
                detectedLanguage,
              },
            ],
            errors: [],
          },
        },
      ],
    },
  });

  it('reads the specification’s object: code, name and confidence', () => {
    const [document] = parseJob(
      job({ name: 'English', iso6391Name: 'en', confidenceScore: 1, scriptName: 'Latin' }),
    ).documents;
    expect(document?.detectedLanguage).toEqual({ code: 'en', name: 'English', confidence: 1 });
  });

  it('reads a bare code string as well, the other reading of an unconfirmed shape', () => {
    expect(parseJob(job('fr')).documents[0]?.detectedLanguage).toEqual({ code: 'fr' });
  });

  it('leaves it out when absent, and drops a shape it cannot read without failing the job', () => {
    expect(parseJob(job(undefined)).documents[0]).not.toHaveProperty('detectedLanguage');
    const odd = parseJob(job(42));
    expect(odd.phase).toBe('done');
    expect(odd.documents[0]).not.toHaveProperty('detectedLanguage');
    expect(parseJob(job({ confidenceScore: 0.4 })).documents[0]).not.toHaveProperty(
      'detectedLanguage',
    );
    // A confidence outside [0, 1] is dropped, the language kept.
    expect(
      parseJob(job({ name: 'German', iso6391Name: 'de', confidenceScore: 7 })).documents[0]
        ?.detectedLanguage,
    ).toEqual({ code: 'de', name: 'German' });
  });
});
