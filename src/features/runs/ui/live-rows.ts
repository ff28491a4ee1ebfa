import type { LiveRun } from '../engine/run-coordinator';
import type { RunRow } from '../store/runs-feed';

/** A row per live jobs list, so that a row keeps its object while its jobs do. */
const rowsOf = new WeakMap<LiveRun['jobs'], RunRow>();

/**
 * The stored rows with each live run's jobs in place of the stored ones (its runner owns them
 * while it drives the run), and a live run that storage has not listed yet first, as the newest.
 * The stored run object is kept where there is one: it carries what only storage changes (the
 * threshold, a name).
 */
export function withLiveRuns(
  stored: RunRow[] | undefined,
  live: ReadonlyMap<string, LiveRun>,
): RunRow[] | undefined {
  if (!stored || live.size === 0) return stored;
  const listed = new Set(stored.map((row) => row.run.id));
  const rows: RunRow[] = [];
  for (const [runId, { run, jobs }] of live) {
    if (!listed.has(runId)) rows.push(rowOf(run, jobs));
  }
  for (const row of stored) {
    const current = live.get(row.run.id);
    rows.push(current ? rowOf(row.run, current.jobs) : row);
  }
  return rows;
}

function rowOf(run: RunRow['run'], jobs: LiveRun['jobs']): RunRow {
  const known = rowsOf.get(jobs);
  if (known?.run === run) return known;
  const row: RunRow = { run, jobs: [...jobs] };
  rowsOf.set(jobs, row);
  return row;
}
