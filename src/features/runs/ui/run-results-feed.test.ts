import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createRunResultsFeed } from './run-results-feed';
import type { RunsRepository } from '../store/runs-repository';
import { storeTestRun, testRunsRepository } from '../store/test-runs';

async function runOf(count: number) {
  const repository = testRunsRepository();
  return { repository, run: await storeTestRun(repository, count) };
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
    const feed = createRunResultsFeed(repository, run.id, undefined, 0);
    const unsubscribe = feed.subscribe(() => undefined);
    await vi.waitFor(() => expect(feed.getSnapshot()).toEqual([]));

    await finish(repository, run.id, 2, 1);
    await vi.waitFor(() =>
      expect(feed.getSnapshot()?.map((item) => item.result.id)).toEqual(
        Array.from({ length: 10 }, (_, index) => `doc${index + 51}`),
      ),
    );
    await finish(repository, run.id, 0, 2);
    await vi.waitFor(() => expect(feed.getSnapshot()).toHaveLength(35));
    expect(feed.getSnapshot()?.[0]?.result.id).toBe('doc1');
    expect(feed.getSnapshot()?.[25]?.result.id).toBe('doc51');
    // Each finished job was read once, by its own documents.
    expect(read.mock.calls.map(([, indexes]) => indexes?.length)).toEqual([10, 25]);
    unsubscribe();
  });

  it('replaces a job’s results when it finishes again (sent again)', async () => {
    const { repository, run } = await runOf(25);
    const feed = createRunResultsFeed(repository, run.id, undefined, 0);
    const unsubscribe = feed.subscribe(() => undefined);
    await finish(repository, run.id, 0, 1);
    await vi.waitFor(() =>
      expect(feed.getSnapshot()?.[0]?.result.classes[0]?.category).toBe('Class1'),
    );
    await finish(repository, run.id, 0, 2);
    await vi.waitFor(() =>
      expect(feed.getSnapshot()?.[0]?.result.classes[0]?.category).toBe('Class2'),
    );
    expect(feed.getSnapshot()).toHaveLength(25);
    unsubscribe();
  });
});
