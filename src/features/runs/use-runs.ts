import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import type { DocumentResult } from '../../service/model';
import { createRunDocumentsFeed } from './run-documents-feed';
import type { Run, RunDocument, RunJob } from './run-model';
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

/** A run's documents in input order, read once (see run-documents-feed.ts). */
export function useRunDocuments(run: Run | undefined): readonly RunDocument[] | undefined {
  const { repository } = useRunCoordinator();
  const runId = run?.id;
  const count = run?.documentCount ?? 0;
  const feed = useMemo(
    () => (runId ? createRunDocumentsFeed(repository, runId, count) : undefined),
    [repository, runId, count],
  );
  return useSyncExternalStore(feed?.subscribe ?? noop, feed?.getSnapshot ?? none);
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

const none = () => undefined;
const noop = () => () => undefined;

const idle: RunLive = {
  concurrency: 0,
  throttledUntil: 0,
  waitingForKey: false,
  stalled: new Map(),
  storageError: undefined,
  authRefused: undefined,
};

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
