import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import type { DocumentResult } from '../../service/model';
import type { Run, RunJob } from './run-model';
import { createRunResultsFeed } from './run-results-feed';
import type { RunLive } from './run-runner';
import { useRunCoordinator } from './runs-context';

/**
 * Reads of the runs store. Each re-runs by itself when what it read changes in IndexedDB
 * (Dexie's live queries), so the UI never keeps a copy of a run's facts.
 */

export interface RunRow {
  run: Run;
  jobs: RunJob[];
}

export function useRunRows(): RunRow[] | undefined {
  const { repository } = useRunCoordinator();
  return useLiveQuery(async () => {
    const runs = await repository.list();
    return Promise.all(runs.map(async (run) => ({ run, jobs: await repository.jobs(run.id) })));
  }, [repository]);
}

export function useRun(runId: string | undefined): RunRow | null | undefined {
  const { repository } = useRunCoordinator();
  return useLiveQuery(async () => {
    if (!runId) return null;
    const run = await repository.get(runId);
    return run ? { run, jobs: await repository.jobs(runId) } : null;
  }, [repository, runId]);
}

/** A run's results in input order, as the results view reads them (see run-results-feed.ts). */
export function useRunResults(runId: string): DocumentResult[] | undefined {
  const { repository } = useRunCoordinator();
  const feed = useMemo(() => createRunResultsFeed(repository, runId), [repository, runId]);
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}

/** Gold labels by document id, for a run imported with a label column. */
export function useRunLabels(run: Run | undefined): Map<string, string[]> | undefined {
  const { repository } = useRunCoordinator();
  return useLiveQuery(async () => {
    if (!run?.labelled) return undefined;
    const documents = await repository.documents(run.id);
    const labels = new Map<string, string[]>();
    for (const document of documents) if (document.labels) labels.set(document.id, document.labels);
    return labels;
  }, [repository, run?.id, run?.labelled]);
}

const idle: RunLive = {
  concurrency: 0,
  throttledUntil: 0,
  waitingForKey: false,
  stalled: new Map(),
  storageError: undefined,
};
const noop = () => () => undefined;

/** What the run's runner is doing right now, when this page runs it. */
export function useRunLive(runId: string | undefined): RunLive {
  const coordinator = useRunCoordinator();
  // The runner can appear after the first render (a reload resumes runs asynchronously).
  useSyncExternalStore(coordinator.subscribe, () =>
    runId ? coordinator.runner(runId) : undefined,
  );
  const runner = runId ? coordinator.runner(runId) : undefined;
  return useSyncExternalStore(runner?.subscribe ?? noop, runner?.getLive ?? (() => idle));
}
