import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { planBatch } from '../../../service/batching';
import type { JobPoll } from '../../../service/jobs';
import type { JobInput } from '../../../service/model';
import { RunCoordinator } from '../engine/run-coordinator';
import { createRunResultsFeed } from './run-results-feed';
import type { RunService } from '../engine/run-service';
import { runsFeedOf } from '../store/runs-feed';
import { FakeLocks } from '../engine/test-locks';
import { testRunSettings, testRunsRepository } from '../store/test-runs';

/** A service that accepts every job and answers its first poll with every result. */
function quickService(): RunService {
  const inputs = new Map<string, JobInput>();
  return {
    submit: (input) => {
      const url = `${testRunSettings.endpoint}/language/analyze-text/jobs/job-${inputs.size}`;
      inputs.set(url, input);
      return Promise.resolve(url);
    },
    poll: (url): Promise<JobPoll> =>
      Promise.resolve({
        snapshot: {
          jobId: url.split('/').at(-1) ?? '',
          status: 'succeeded',
          phase: 'done',
          tasks: { completed: 1, failed: 0, inProgress: 0, total: 1 },
          documents: (inputs.get(url)?.documents ?? []).map(({ id }) => ({
            id,
            classes: [{ category: 'Billing', confidence: 0.9 }],
            warnings: [],
          })),
          errors: [],
        },
        raw: {},
        retryAfterMs: undefined,
        pages: 1,
        truncated: false,
      }),
    cancel: () => Promise.resolve(),
  };
}

function liveCoordinator() {
  const repository = testRunsRepository();
  const coordinator = new RunCoordinator({
    repository,
    queryClient: new QueryClient(),
    secretFor: () => ({ key: 'secret-key' }),
    service: quickService(),
    locks: new FakeLocks(),
  });
  onTestFinished(() => coordinator.stopAll());
  return { repository, coordinator };
}

const documents = Array.from({ length: 60 }, (_, index) => ({
  id: `doc${index + 1}`,
  text: `Ticket ${index + 1}`,
}));
const newRun = { settings: testRunSettings, documents, plan: planBatch(documents), source: 'x' };

describe('a live run on the page', () => {
  it('is shown from its runner while it runs, and from storage once it has let go, never older', async () => {
    const { repository, coordinator } = liveCoordinator();
    const feed = runsFeedOf(repository);
    const unsubscribe = feed.subscribe(() => undefined);
    onTestFinished(unsubscribe);
    // What the screen would show of the run whenever the live runs change.
    const shown: string[][] = [];
    // The first picture may go out before startRun answers: the one live run is the run.
    coordinator.subscribeLive(() => {
      const [live] = coordinator.getLive().values();
      const runId = live?.run.id ?? started.id;
      const stored = feed.getSnapshot()?.find((row) => row.run.id === runId);
      shown.push((live?.jobs ?? stored?.jobs ?? []).map((job) => job.state));
    });
    const started: { id?: string } = {};
    const run = await coordinator.startRun(newRun);
    started.id = run.id;

    // The first poll comes after the usual first wait (no durations learnt yet).
    await vi.waitFor(() => expect(shown.at(-1)).toEqual(['finished', 'finished', 'finished']), {
      timeout: 10_000,
    });
    await vi.waitFor(() => expect(coordinator.getLive().get(run.id)).toBeUndefined());
    // Every picture handed out had all three jobs, and none went back from finished.
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.every((states) => states.length === 3)).toBe(true);
    expect(shown.at(-1)).toEqual(['finished', 'finished', 'finished']);
    expect(shown.slice(shown.findIndex((states) => states.every((s) => s === 'finished')))).toEqual(
      shown
        .slice(shown.findIndex((states) => states.every((s) => s === 'finished')))
        .map(() => ['finished', 'finished', 'finished']),
    );
  });

  it('hands its results to the results feed before they are read from storage', async () => {
    const { repository, coordinator } = liveCoordinator();
    const reads = vi.spyOn(repository, 'results');
    const run = await coordinator.startRun(newRun);
    const results = createRunResultsFeed(repository, run.id, coordinator, 0);
    const unsubscribe = results.subscribe(() => undefined);
    onTestFinished(unsubscribe);
    await vi.waitFor(() => expect(results.getSnapshot()).toHaveLength(60), { timeout: 10_000 });
    expect(results.getSnapshot()?.[59]).toMatchObject({ index: 59, text: 'Ticket 60' });
    // Some jobs may have finished before the feed subscribed: only those are read from storage.
    const readDocuments = reads.mock.calls.reduce(
      (sum, [, indexes]) => sum + (indexes?.length ?? 0),
      0,
    );
    expect(readDocuments).toBeLessThan(60);
  });
});
