import { describe, expect, it } from 'vitest';
import gaMulti from './fixtures/ga-job-multi-succeeded.json';
import gaNotStarted from './fixtures/ga-job-notstarted.json';
import gaSinglePage1 from './fixtures/ga-job-single-succeeded-page1.json';
import gaTaskFailed from './fixtures/ga-job-task-failed.json';
import previewSingle from './fixtures/preview-v3.2-single-succeeded.json';
import seedMulti from './fixtures/seed-v3.1-multi-completed.json';
import { ServiceError } from './errors';
import { parseJob, phaseOf } from './normalize';

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

  it("reads the seed's completed status and classes", () => {
    const job = parseJob(seedMulti);
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
    expect(phaseOf('somethingNew')).toBe('running');
  });
});
