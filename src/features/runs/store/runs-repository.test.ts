import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planBatch } from '../../../service/batching';
import type { RunSettings } from './run-model';
import { RunsDatabase } from './runs-db';
import { createRunsRepository, StorageFullError, type RunsRepository } from './runs-repository';
import { testRunSettings } from './test-runs';
import { defaultRunName, type RunInputDocument } from './new-run';

const settings: RunSettings = { ...testRunSettings, endpoint: '/proxy/myresource', useProxy: true };

function makeDocuments(count: number, prefix = 'doc'): RunInputDocument[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index}`,
    text: `Document number ${index}.`,
  }));
}

let databaseCount = 0;
const opened: RunsDatabase[] = [];

function freshRepository(): RunsRepository {
  databaseCount++;
  const db = new RunsDatabase(`runs-repository-test-${databaseCount}-${crypto.randomUUID()}`);
  opened.push(db);
  return createRunsRepository(db);
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) await db.delete();
});

function newRun(documents: RunInputDocument[], patch: Partial<RunSettings> = {}) {
  return {
    settings: { ...settings, ...patch },
    documents,
    plan: planBatch(documents),
    source: 'tickets.csv',
  };
}

describe('defaultRunName', () => {
  it('names a GA run by project and deployment, and the number of documents', () => {
    expect(defaultRunName(settings, 500)).toBe('SupportTickets/production · 500 docs');
    expect(defaultRunName(settings, 10_000)).toBe('SupportTickets/production · 10,000 docs');
    expect(defaultRunName(settings, 1)).toBe('SupportTickets/production · 1 doc');
  });

  it('names a preview run by its model, without the suffix', () => {
    const preview: RunSettings = {
      ...settings,
      apiVersion: 'v3.1-preview.ct.1',
      modelId: 'Tickets_SingleClassification_latest',
    };
    expect(defaultRunName(preview, 25)).toBe('Tickets · 25 docs');
  });

  it('the job name wins when there is one', () => {
    expect(defaultRunName({ ...settings, jobName: 'March tickets' }, 500)).toBe('March tickets');
  });
});

describe('create', () => {
  it('stores the documents in input order, with their labels and languages', async () => {
    const repository = freshRepository();
    const documents: RunInputDocument[] = [
      { id: 'z', text: 'Last letter first.', labels: ['Billing'] },
      { id: 'a', text: 'First letter second.', language: 'fr', labels: ['Billing', 'Refund'] },
      { id: 'm', text: 'No label here.', labels: [] },
    ];
    const run = await repository.create(newRun(documents));
    const stored = await repository.documents(run.id);
    expect(stored).toEqual([
      { runId: run.id, index: 0, id: 'z', text: 'Last letter first.', labels: ['Billing'] },
      {
        runId: run.id,
        index: 1,
        id: 'a',
        text: 'First letter second.',
        language: 'fr',
        labels: ['Billing', 'Refund'],
      },
      { runId: run.id, index: 2, id: 'm', text: 'No label here.' },
    ]);
    expect(run.labelled).toBe(true);
    expect(run.source).toBe('tickets.csv');
    expect(run.intent).toBe('run');
    expect(run.settings).toEqual(settings);
    expect(await repository.get(run.id)).toEqual(run);
  });

  it('a run without labels is not labelled', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(3)));
    expect(run.labelled).toBe(false);
  });

  it('maps each job to the indexes of its documents, and names the run', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(500)));
    expect(run.name).toBe('SupportTickets/production · 500 docs');
    expect(run.documentCount).toBe(500);
    const jobs = await repository.jobs(run.id);
    expect(jobs).toHaveLength(20);
    expect(jobs.map((job) => job.index)).toEqual([...Array(20).keys()]);
    expect(jobs.every((job) => job.state === 'queued')).toBe(true);
    expect(jobs[0]?.documentIndexes).toEqual([...Array(25).keys()]);
    expect(jobs[19]?.documentIndexes).toEqual(
      Array.from({ length: 25 }, (_, offset) => 475 + offset),
    );
    expect(jobs[1]).toMatchObject({ firstId: 'doc-25', lastId: 'doc-49' });
  });

  it('keeps oversized documents: stored, reported on the run, in no job', async () => {
    const repository = freshRepository();
    const documents = [
      { id: 'small-1', text: 'Short.' },
      { id: 'huge', text: 'x'.repeat(130_000) },
      { id: 'small-2', text: 'Short too.' },
    ];
    const run = await repository.create(newRun(documents));
    expect(run.oversized).toEqual([{ id: 'huge', characters: 130_000 }]);
    expect(run.documentCount).toBe(3);
    expect((await repository.documents(run.id)).map((document) => document.id)).toEqual([
      'small-1',
      'huge',
      'small-2',
    ]);
    const jobs = await repository.jobs(run.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.documentIndexes).toEqual([0, 2]);
  });

  it('writes a run larger than one write chunk whole', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(4_100)));
    const stored = await repository.documents(run.id);
    expect(stored).toHaveLength(4_100);
    expect(
      stored.every((document, index) => document.index === index && document.id === `doc-${index}`),
    ).toBe(true);
    expect(await repository.jobs(run.id)).toHaveLength(164);
  });

  it('reads some documents by index', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(10)));
    const some = await repository.documents(run.id, [7, 2, 99]);
    expect(some.map((document) => document.id)).toEqual(['doc-7', 'doc-2']);
  });
});

describe('list', () => {
  it('lists the newest run first', async () => {
    const repository = freshRepository();
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1_000);
    const first = await repository.create(newRun(makeDocuments(1), { jobName: 'first' }));
    now.mockReturnValue(3_000);
    const third = await repository.create(newRun(makeDocuments(1), { jobName: 'third' }));
    now.mockReturnValue(2_000);
    const second = await repository.create(newRun(makeDocuments(1), { jobName: 'second' }));
    expect((await repository.list()).map((run) => run.id)).toEqual([third.id, second.id, first.id]);
  });

  it('lists nothing in a new browser', async () => {
    expect(await freshRepository().list()).toEqual([]);
  });
});

describe('updateJob and setIntent', () => {
  it('patches one job; undefined removes a field', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(50)));
    await repository.updateJob(run.id, 1, { state: 'refused', error: 'Bad request' });
    expect((await repository.jobs(run.id))[1]).toMatchObject({
      state: 'refused',
      error: 'Bad request',
    });
    await repository.updateJob(run.id, 1, { state: 'queued', error: undefined });
    const [first, second] = await repository.jobs(run.id);
    expect(second?.state).toBe('queued');
    expect(second && 'error' in second).toBe(false);
    expect(first?.state).toBe('queued');
  });

  it('stores what the user asked of the run', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(5)));
    await repository.setIntent(run.id, 'paused');
    expect((await repository.get(run.id))?.intent).toBe('paused');
  });
});

describe('finishJobs', () => {
  it('writes the results and the job patches in one call, results read back in input order', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(50)));
    const transaction = vi.spyOn(repository.db, 'transaction');
    await repository.finishJobs(run.id, [
      {
        index: 1,
        patch: { state: 'finished', outcome: 'done', failedDocuments: 0 },
        results: [
          {
            index: 26,
            id: 'doc-26',
            classes: [{ category: 'Billing', confidence: 0.9 }],
            warnings: [],
          },
          {
            index: 25,
            id: 'doc-25',
            classes: [{ category: 'Refund', confidence: 0.8 }],
            warnings: [],
          },
        ],
      },
      {
        index: 0,
        patch: { state: 'finished', outcome: 'failed', failedDocuments: 1 },
        results: [
          {
            index: 3,
            id: 'doc-3',
            classes: [],
            warnings: [],
            error: { code: 'InvalidDocument', message: 'Document text is empty.' },
          },
        ],
      },
    ]);
    expect(transaction).toHaveBeenCalledTimes(1);
    const results = await repository.results(run.id);
    expect(results.map((result) => result.id)).toEqual(['doc-3', 'doc-25', 'doc-26']);
    expect(results[0]).toMatchObject({
      runId: run.id,
      index: 3,
      error: { code: 'InvalidDocument' },
    });
    const jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => [job.state, job.outcome, job.failedDocuments])).toEqual([
      ['finished', 'failed', 1],
      ['finished', 'done', 0],
    ]);
  });

  it('writes nothing for a run deleted meanwhile', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(5)));
    await repository.remove(run.id);
    await repository.finishJobs(run.id, [
      {
        index: 0,
        patch: { state: 'finished' },
        results: [{ index: 0, id: 'doc-0', classes: [], warnings: [] }],
      },
    ]);
    expect(await repository.db.results.count()).toBe(0);
    expect(await repository.db.jobs.count()).toBe(0);
  });
});

describe('remove', () => {
  it("deletes only that run's rows", async () => {
    const repository = freshRepository();
    const kept = await repository.create(newRun(makeDocuments(30, 'kept')));
    const gone = await repository.create(newRun(makeDocuments(60, 'gone')));
    for (const run of [kept, gone]) {
      await repository.finishJobs(run.id, [
        {
          index: 0,
          patch: { state: 'finished' },
          results: [{ index: 0, id: 'x', classes: [], warnings: [] }],
        },
      ]);
    }
    await repository.remove(gone.id);
    expect((await repository.list()).map((run) => run.id)).toEqual([kept.id]);
    expect(await repository.get(gone.id)).toBeUndefined();
    expect(await repository.documents(gone.id)).toEqual([]);
    expect(await repository.jobs(gone.id)).toEqual([]);
    expect(await repository.results(gone.id)).toEqual([]);
    expect(await repository.documents(kept.id)).toHaveLength(30);
    expect(await repository.jobs(kept.id)).toHaveLength(2);
    expect(await repository.results(kept.id)).toHaveLength(1);
    expect(await repository.db.documents.count()).toBe(30);
  });
});

describe('when the browser has no room left', () => {
  const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('create says so plainly, and leaves no half-written run behind', async () => {
    const repository = freshRepository();
    const saved = await repository.create(newRun(makeDocuments(3, 'saved')));
    const bulkPut = repository.db.documents.bulkPut.bind(repository.db.documents);
    let calls = 0;
    // The first chunk goes in; the second finds the disk full.
    vi.spyOn(repository.db.documents, 'bulkPut').mockImplementation((...args) => {
      calls++;
      if (calls === 2) throw quotaError();
      return bulkPut(...args);
    });
    const failed = repository.create(newRun(makeDocuments(2_500)));
    await expect(failed).rejects.toBeInstanceOf(StorageFullError);
    await expect(failed).rejects.toThrow(/no room left/);
    expect((await repository.list()).map((run) => run.id)).toEqual([saved.id]);
    expect(await repository.db.documents.count()).toBe(3);
    expect(await repository.db.jobs.count()).toBe(1);
  });

  it('finishJobs says so, and what was saved before is kept', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(50)));
    await repository.finishJobs(run.id, [
      {
        index: 0,
        patch: { state: 'finished' },
        results: [{ index: 0, id: 'doc-0', classes: [], warnings: [] }],
      },
    ]);
    vi.spyOn(repository.db.results, 'bulkPut').mockImplementation(() => {
      throw quotaError();
    });
    await expect(
      repository.finishJobs(run.id, [
        {
          index: 1,
          patch: { state: 'finished' },
          results: [{ index: 25, id: 'doc-25', classes: [], warnings: [] }],
        },
      ]),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect((await repository.results(run.id)).map((result) => result.id)).toEqual(['doc-0']);
    expect((await repository.jobs(run.id)).map((job) => job.state)).toEqual(['finished', 'queued']);
  });

  it('updateJob says so', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(5)));
    vi.spyOn(repository.db.jobs, 'update').mockRejectedValue(quotaError());
    await expect(repository.updateJob(run.id, 0, { state: 'sending' })).rejects.toBeInstanceOf(
      StorageFullError,
    );
  });

  it('a quota error wrapped by Dexie is recognised too', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(5)));
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quotaError(),
    });
    vi.spyOn(repository.db.runs, 'update').mockRejectedValue(wrapped);
    await expect(repository.setIntent(run.id, 'paused')).rejects.toBeInstanceOf(StorageFullError);
    const bulk = Object.assign(new Error('1 of 1 operations failed'), {
      name: 'BulkError',
      failures: [quotaError()],
    });
    vi.spyOn(repository.db.jobs, 'update').mockRejectedValue(bulk);
    await expect(repository.updateJob(run.id, 0, { state: 'sent' })).rejects.toBeInstanceOf(
      StorageFullError,
    );
  });

  it('other errors pass through as they are', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(5)));
    const other = new Error('Something else');
    vi.spyOn(repository.db.jobs, 'update').mockRejectedValue(other);
    await expect(repository.updateJob(run.id, 0, { state: 'sent' })).rejects.toBe(other);
  });
});

describe('documents with metadata', () => {
  it("keeps each document's language and metadata with the run", async () => {
    const repository = freshRepository();
    const documents: RunInputDocument[] = [
      { id: 'a', text: 'one', language: 'de', metadata: { source: 'email' } },
      { id: 'b', text: 'two' },
    ];
    const run = await repository.create(newRun(documents));
    const stored = await repository.documents(run.id);
    expect(stored.map(({ id, language, metadata }) => ({ id, language, metadata }))).toEqual([
      { id: 'a', language: 'de', metadata: { source: 'email' } },
      { id: 'b', language: undefined, metadata: undefined },
    ]);
  });
});

describe('importRun', () => {
  const whole = (runId: string, name: string) => {
    const documents = makeDocuments(3).map((document, index) => ({ ...document, runId, index }));
    return {
      run: { ...defaultRun(runId), name },
      documents,
      jobs: [
        {
          runId,
          index: 0,
          documentIndexes: [0, 1, 2],
          firstId: 'doc-0',
          lastId: 'doc-2',
          state: 'finished' as const,
          outcome: 'done' as const,
        },
      ],
      results: documents.map(({ index, id }) => ({ runId, index, id, classes: [], warnings: [] })),
      corrections: [{ runId, index: 1, id: 'doc-1', labels: ['Billing'] }],
    };
  };
  const defaultRun = (runId: string) => ({
    id: runId,
    createdAt: 1,
    name: '',
    settings,
    documentCount: 3,
    labelled: false,
    source: 'file',
    oversized: [],
    intent: 'run' as const,
  });

  it('stores a whole run at once, and refuses an id already stored unless told to replace it', async () => {
    const repository = freshRepository();
    await repository.importRun(whole('r', 'first'), false);
    expect(await repository.documents('r')).toHaveLength(3);
    expect(await repository.corrections('r')).toHaveLength(1);

    await expect(repository.importRun(whole('r', 'second'), false)).rejects.toThrow();
    expect((await repository.get('r'))?.name).toBe('first');

    const fewer = whole('r', 'replaced');
    await repository.importRun({ ...fewer, corrections: [] }, true);
    expect((await repository.get('r'))?.name).toBe('replaced');
    expect(await repository.corrections('r')).toEqual([]);
    expect(await repository.results('r')).toHaveLength(3);
  });
});

describe('improvements (#21)', () => {
  it('keeps each step’s job and the project exported before, and deletes them with the run', async () => {
    const repository = freshRepository();
    const run = await repository.create(newRun(makeDocuments(2)));
    const jobUrl =
      'https://x.cognitiveservices.azure.com/language/authoring/analyze-text/projects/P/import/jobs/1';
    await repository.saveImprovement(run.id, {
      previousProject: {
        file: { projectFileVersion: '2022-05-01' },
        exportedAt: 1,
        projectName: 'P',
      },
    });
    await repository.saveImprovement(run.id, {
      step: ['upload', { state: 'succeeded', uploaded: ['cc-a.txt'] }],
    });
    await repository.saveImprovement(run.id, {
      step: ['import', { state: 'accepted', jobUrl, acceptedAt: 2 }],
    });
    expect(await repository.improvement(run.id)).toEqual({
      runId: run.id,
      previousProject: {
        file: { projectFileVersion: '2022-05-01' },
        exportedAt: 1,
        projectName: 'P',
      },
      steps: {
        upload: { state: 'succeeded', uploaded: ['cc-a.txt'] },
        import: { state: 'accepted', jobUrl, acceptedAt: 2 },
      },
    });
    await repository.remove(run.id);
    expect(await repository.improvement(run.id)).toBeUndefined();
  });
});
