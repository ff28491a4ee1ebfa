import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planBatch } from '../../service/batching';
import type { RunSettings } from './run-model';
import { createRunResultsFeed } from './run-results-feed';
import { RunsDatabase } from './runs-db';
import { createRunsRepository, type RunsRepository } from './runs-repository';

const settings: RunSettings = {
  endpoint: 'https://myresource.cognitiveservices.azure.com',
  resourceEndpoint: 'https://myresource.cognitiveservices.azure.com',
  useProxy: false,
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'SupportTickets',
  deploymentName: 'production',
  modelId: '',
  language: 'en',
  jobName: '',
};

const databases: RunsDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

async function runOf(count: number) {
  const db = new RunsDatabase(`feed-${crypto.randomUUID()}`);
  databases.push(db);
  const repository = createRunsRepository(db);
  const documents = Array.from({ length: count }, (_, index) => ({
    id: `doc${index + 1}`,
    text: `Text ${index + 1}`,
  }));
  const run = await repository.create({
    settings,
    documents,
    plan: planBatch(documents),
    source: 'test',
  });
  return { repository, run };
}

async function finish(
  repository: RunsRepository,
  runId: string,
  jobIndex: number,
  finishedAt: number,
) {
  const job = (await repository.jobs(runId))[jobIndex];
  if (!job) throw new Error('no such job');
  await repository.finishJobs(runId, [
    {
      index: jobIndex,
      patch: { state: 'finished', outcome: 'done', status: 'succeeded', finishedAt },
      results: job.documentIndexes.map((index) => ({
        index,
        id: `doc${index + 1}`,
        classes: [{ category: `Class${finishedAt}`, confidence: 0.9 }],
        warnings: [],
      })),
    },
  ]);
}

describe('a run results feed', () => {
  it('hands out the saved results in input order as jobs finish, reading only new jobs', async () => {
    const { repository, run } = await runOf(60);
    const read = vi.spyOn(repository, 'results');
    const feed = createRunResultsFeed(repository, run.id, 0);
    const unsubscribe = feed.subscribe(() => undefined);
    await vi.waitFor(() => expect(feed.getSnapshot()).toEqual([]));

    await finish(repository, run.id, 2, 1);
    await vi.waitFor(() =>
      expect(feed.getSnapshot()?.map((result) => result.id)).toEqual(
        Array.from({ length: 10 }, (_, index) => `doc${index + 51}`),
      ),
    );
    await finish(repository, run.id, 0, 2);
    await vi.waitFor(() => expect(feed.getSnapshot()).toHaveLength(35));
    expect(feed.getSnapshot()?.[0]?.id).toBe('doc1');
    expect(feed.getSnapshot()?.[25]?.id).toBe('doc51');
    // Each finished job was read once, by its own documents.
    expect(read.mock.calls.map(([, indexes]) => indexes?.length)).toEqual([10, 25]);
    unsubscribe();
  });

  it('replaces a job’s results when it finishes again (sent again)', async () => {
    const { repository, run } = await runOf(25);
    const feed = createRunResultsFeed(repository, run.id, 0);
    const unsubscribe = feed.subscribe(() => undefined);
    await finish(repository, run.id, 0, 1);
    await vi.waitFor(() => expect(feed.getSnapshot()?.[0]?.classes[0]?.category).toBe('Class1'));
    await finish(repository, run.id, 0, 2);
    await vi.waitFor(() => expect(feed.getSnapshot()?.[0]?.classes[0]?.category).toBe('Class2'));
    expect(feed.getSnapshot()).toHaveLength(25);
    unsubscribe();
  });
});
