import { describe, expect, it } from 'vitest';
import { withLiveRuns } from './live-rows';
import type { LiveRun } from '../engine/run-coordinator';
import type { Run, RunJob } from '../store/run-model';
import type { RunRow } from '../store/runs-feed';
import { testRunSettings } from '../store/test-runs';

const run = (id: string, createdAt: number): Run => ({
  id,
  createdAt,
  name: id,
  settings: testRunSettings,
  documentCount: 25,
  labelled: false,
  source: 'x',
  oversized: [],
  intent: 'run',
});
const job = (runId: string, state: RunJob['state']): RunJob => ({
  runId,
  index: 0,
  documentIndexes: [],
  firstId: 'a',
  lastId: 'b',
  state,
});

describe('the runs on screen', () => {
  const older: RunRow = { run: run('older', 1), jobs: [job('older', 'finished')] };
  const stored: RunRow = {
    run: { ...run('live', 2), threshold: 0.4 },
    jobs: [job('live', 'sent')],
  };

  it('show a live run’s jobs as its runner holds them, with the stored run (its threshold)', () => {
    const liveJobs = [job('live', 'finished')];
    const live = new Map<string, LiveRun>([['live', { run: run('live', 2), jobs: liveJobs }]]);
    const rows = withLiveRuns([stored, older], live);
    expect(rows?.map((row) => row.jobs[0]?.state)).toEqual(['finished', 'finished']);
    expect(rows?.[0]?.run.threshold).toBe(0.4);
    expect(rows?.[1]).toBe(older);
    // The same live jobs give the same row object: nothing below re-renders for nothing.
    expect(withLiveRuns([stored, older], live)?.[0]).toBe(rows?.[0]);
  });

  it('show a live run storage has not listed yet first, as the newest', () => {
    const live = new Map<string, LiveRun>([
      ['new', { run: run('new', 3), jobs: [job('new', 'sending')] }],
    ]);
    expect(withLiveRuns([older], live)?.map((row) => row.run.id)).toEqual(['new', 'older']);
  });

  it('are the stored rows themselves when nothing is live, and nothing before storage is read', () => {
    const rows = [older];
    expect(withLiveRuns(rows, new Map())).toBe(rows);
    expect(withLiveRuns(undefined, new Map())).toBeUndefined();
  });
});
