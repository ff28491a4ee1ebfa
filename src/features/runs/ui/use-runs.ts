import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import { createRunResultsFeed, type RunResultItem } from './run-results-feed';
import { withLiveRuns } from './live-rows';
import { runsFeedOf, type RunRow } from '../store/runs-feed';
import { hasUsableKey, IDLE_LIVE, type RunLive } from '../engine/run-live';
import { useRunCoordinator } from './runs-context';
import { runProgress, type RunStatus } from '../engine/run-schedule';
import { useOpenRunId } from './runs-ui-store';

/**
 * Reads of the runs. A run this page's runner drives is read from the runner, in memory, the
 * moment anything changes; every other run (and what a runner does not hold) from IndexedDB,
 * read again when it changes there (in this tab or another). The UI never keeps a copy of a
 * run's facts.
 */

export type { RunRow } from '../store/runs-feed';

/** Every run with its jobs, newest first: live runs as their runners hold them (see runs-feed.ts). */
export function useRunRows(): RunRow[] | undefined {
  const coordinator = useRunCoordinator();
  const feed = runsFeedOf(coordinator.repository);
  const stored = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  const live = useSyncExternalStore(coordinator.subscribeLive, coordinator.getLive);
  return useMemo(() => withLiveRuns(stored, live), [stored, live]);
}

/** A run's results in input order, as the results view reads them (see run-results-feed.ts). */
export function useRunResults(runId: string): RunResultItem[] | undefined {
  const coordinator = useRunCoordinator();
  const { repository } = coordinator;
  const feed = useMemo(
    () => createRunResultsFeed(repository, runId, coordinator),
    [repository, runId, coordinator],
  );
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}

/** Reviewers' corrections of the run, by document id. */
export function useRunCorrections(runId: string | undefined): Map<string, string[]> | undefined {
  const { repository } = useRunCoordinator();
  return useLiveQuery(async () => {
    if (!runId) return new Map<string, string[]>();
    const rows = await repository.corrections(runId);
    return new Map(rows.map((row) => [row.id, row.labels]));
  }, [repository, runId]);
}

const noop = () => () => undefined;

/** What the run's runner is doing right now, when this page runs it. */
export function useRunLive(runId: string | undefined): RunLive {
  const coordinator = useRunCoordinator();
  // The runner can appear after the first render (a reload resumes runs asynchronously).
  useSyncExternalStore(coordinator.subscribe, () =>
    runId ? coordinator.runner(runId) : undefined,
  );
  const runner = runId ? coordinator.runner(runId) : undefined;
  return useSyncExternalStore(runner?.subscribe ?? noop, runner?.getLive ?? (() => IDLE_LIVE));
}

const HEADER_WORDS: Record<RunStatus, string> = {
  running: 'Run in progress',
  paused: 'Run paused',
  'waiting-for-key': 'Run waiting for the key',
  'needs-attention': 'Run needs attention',
  done: 'Run done',
  'done-with-failures': 'Run done, with failures',
  cancelled: 'Run cancelled',
};

export interface RunStatusSummary {
  runId: string;
  status: RunStatus;
  /** For the page header: "Run needs attention", "Run in progress", … */
  words: string;
}

/**
 * The state of the run on screen (else of the newest run with work left), for the page header:
 * what happens to a run is then visible wherever the page is scrolled.
 */
export function useRunStatusSummary(): RunStatusSummary | undefined {
  const rows = useRunRows();
  const openRunId = useOpenRunId();
  const row =
    rows?.find(({ run }) => run.id === openRunId) ??
    rows?.find(({ run, jobs }) => runProgress(run, jobs).open > 0);
  const live = useRunLive(row?.run.id);
  if (!row) return undefined;
  const { status } = runProgress(row.run, row.jobs, hasUsableKey(live));
  return { runId: row.run.id, status, words: HEADER_WORDS[status] };
}
