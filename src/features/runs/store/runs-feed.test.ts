import 'fake-indexeddb/auto';
import { Dexie, RangeSet } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { RunJob } from './run-model';
import { createRunsFeed, mergeSpans, patchJobs, touchedRuns } from './runs-feed';
import { storeTestRun, testRunsRepository } from './test-runs';

describe('which runs a write touched', () => {
  const part = (table: string) => `idb://runs-db/${table}/`;

  it('names the jobs written, run by run', () => {
    const jobs = new RangeSet().addKeys([
      ['run-a', 3],
      ['run-a', 7],
      ['run-b', 0],
    ]);
    const touched = touchedRuns({ [part('jobs')]: jobs }, 'runs-db', ['run-a', 'run-b', 'run-c']);
    expect(touched.list).toBe(false);
    expect(touched.runs.get('run-a')).toEqual([
      { first: 3, last: 3 },
      { first: 7, last: 7 },
    ]);
    expect(touched.runs.get('run-b')).toEqual([{ first: 0, last: 0 }]);
    expect(touched.runs.has('run-c')).toBe(false);
  });

  it('reads a run whole when the write covered a range it cannot name (a delete)', () => {
    const jobs = new RangeSet(['run-a', Dexie.minKey], ['run-a', Dexie.maxKey]);
    expect(touchedRuns({ [part('jobs')]: jobs }, 'runs-db', ['run-a']).runs.get('run-a')).toBe(
      'all',
    );
  });

  it('lists the runs again when the runs table changed, and ignores other databases', () => {
    const touched = touchedRuns(
      { [part('runs')]: new RangeSet().addKey('run-a'), 'idb://other/jobs/': new RangeSet() },
      'runs-db',
      ['run-a'],
    );
    expect(touched).toEqual({ list: true, runs: new Map() });
  });
});

describe('the jobs read again', () => {
  it('merges overlapping and adjacent spans, and reads one span past a limit', () => {
    expect(
      mergeSpans([
        { first: 5, last: 5 },
        { first: 1, last: 2 },
        { first: 3, last: 3 },
      ]),
    ).toEqual([
      { first: 1, last: 3 },
      { first: 5, last: 5 },
    ]);
    const many = Array.from({ length: 30 }, (_, index) => ({ first: index * 2, last: index * 2 }));
    expect(mergeSpans(many)).toEqual([{ first: 0, last: 58 }]);
  });

  it('puts changed jobs in place and keeps the others, or gives up on a job it does not know', () => {
    const job = (index: number, state: RunJob['state']): RunJob => ({
      runId: 'run',
      index,
      documentIndexes: [index],
      firstId: `doc${index}`,
      lastId: `doc${index}`,
      state,
    });
    const jobs = [job(0, 'queued'), job(1, 'queued')];
    const patched = patchJobs(jobs, [job(1, 'sent')]);
    expect(patched?.map((each) => each.state)).toEqual(['queued', 'sent']);
    expect(patched?.[0]).toBe(jobs[0]);
    expect(patchJobs(jobs, [job(2, 'sent')])).toBeUndefined();
  });
});

describe('a runs feed', () => {
  it('follows writes, reading again only the jobs written', async () => {
    const repository = testRunsRepository();
    const run = await storeTestRun(repository, 100);
    const feed = createRunsFeed(repository, 0);
    const unsubscribe = feed.subscribe(() => undefined);
    await vi.waitFor(() => expect(feed.getSnapshot()?.[0]?.jobs).toHaveLength(4));
    const before = feed.getSnapshot()?.[0]?.jobs ?? [];
    const whole = vi.spyOn(repository, 'jobs');

    await repository.updateJob(run.id, 2, { state: 'sent', jobUrl: 'https://job/2' });
    await vi.waitFor(() => expect(feed.getSnapshot()?.[0]?.jobs[2]?.state).toBe('sent'));
    const after = feed.getSnapshot()?.[0]?.jobs ?? [];
    expect(after[0]).toBe(before[0]);
    expect(whole).not.toHaveBeenCalled();

    await repository.setIntent(run.id, 'paused');
    await vi.waitFor(() => expect(feed.getSnapshot()?.[0]?.run.intent).toBe('paused'));
    const second = await storeTestRun(repository, 10);
    await vi.waitFor(() =>
      expect(feed.getSnapshot()?.map((row) => row.run.id)).toContain(second.id),
    );
    await repository.remove(run.id);
    await vi.waitFor(() =>
      expect(feed.getSnapshot()?.map((row) => row.run.id)).toEqual([second.id]),
    );
    unsubscribe();
  });
});
