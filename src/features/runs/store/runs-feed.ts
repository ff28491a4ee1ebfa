import { cmp, Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Run, RunJob } from './run-model';
import type { RunsRepository } from './runs-repository';

export interface RunRow {
  run: Run;
  jobs: RunJob[];
}

/**
 * Every run this browser holds with its jobs, newest first, kept current as IndexedDB changes
 * (in this tab or another). Each refresh re-reads only the jobs that were written, and at most
 * once per `everyMs`: a 100,000-document run writes its 4,000 jobs thousands of times, and a live
 * query re-reading all of them on each write churned hundreds of megabytes. Unchanged jobs keep
 * their objects.
 */
export interface RunsFeed {
  subscribe: (listener: () => void) => () => void;
  /** Undefined until the first read. A row keeps its object while nothing in it changes. */
  getSnapshot: () => RunRow[] | undefined;
  /**
   * Reads the run again now, whole; resolves once the rows handed out hold what storage held when
   * it was called (at once when nobody watches). A runner letting go of a run waits for this, so
   * the screen never falls back to an older picture of it.
   */
  readNow: (runId: string) => Promise<void>;
}

/** Job indexes from `first` to `last`, both included. */
export interface JobSpan {
  first: number;
  last: number;
}

export interface TouchedRuns {
  /** The runs table itself changed (a run added, removed, paused, given a threshold). */
  list: boolean;
  /** Runs whose jobs were written, with which jobs; `all` when the write's keys are not known. */
  runs: Map<string, JobSpan[] | 'all'>;
}

/** The ranges of an interval tree, as `[from, to]` pairs. */
function rangesOf(tree: IntervalTree, into: [unknown, unknown][] = []): [unknown, unknown][] {
  if (!('from' in tree)) return into;
  if (tree.l) rangesOf(tree.l, into);
  into.push([tree.from, tree.to]);
  if (tree.r) rangesOf(tree.r, into);
  return into;
}

/** The job index a key of the jobs table names, when it is `[runId, index]`. */
function jobIndexOf(key: unknown, runId: string): number | undefined {
  if (!Array.isArray(key) || key[0] !== runId) return undefined;
  const index: unknown = key[1];
  return typeof index === 'number' && Number.isFinite(index) ? index : undefined;
}

/**
 * Which of `runIds` a committed write touched, and which of their jobs, from Dexie's
 * `storagemutated` parts (the key ranges each table's write covered).
 */
export function touchedRuns(
  parts: ObservabilitySet,
  dbName: string,
  runIds: Iterable<string>,
): TouchedRuns {
  const prefix = `idb://${dbName}/`;
  let list = false;
  const written: [unknown, unknown][] = [];
  for (const [part, ranges] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const table = part.slice(prefix.length).split('/', 1)[0];
    if (table === 'runs') list = true;
    else if (table === 'jobs') rangesOf(ranges, written);
  }
  const runs = new Map<string, JobSpan[] | 'all'>();
  for (const runId of runIds) {
    const low = [runId, Dexie.minKey];
    const high = [runId, Dexie.maxKey];
    const spans: JobSpan[] = [];
    let all = false;
    for (const [from, to] of written) {
      if (cmp(to, low) < 0 || cmp(from, high) > 0) continue;
      const first = jobIndexOf(from, runId);
      const last = jobIndexOf(to, runId);
      if (first === undefined || last === undefined) all = true;
      else spans.push({ first, last });
    }
    if (all) runs.set(runId, 'all');
    else if (spans.length > 0) runs.set(runId, spans);
  }
  return { list, runs };
}

/** Spans to read: overlapping and adjacent ones merged; past `most`, one span over all of them. */
export function mergeSpans(spans: readonly JobSpan[], most = 20): JobSpan[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const merged: JobSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.first <= last.last + 1) last.last = Math.max(last.last, span.last);
    else merged.push({ ...span });
  }
  const [head] = merged;
  const tail = merged.at(-1);
  if (merged.length > most && head && tail) return [{ first: head.first, last: tail.last }];
  return merged;
}

/** The run's jobs with the re-read ones in place; undefined when one does not fit (read all). */
export function patchJobs(
  jobs: readonly RunJob[],
  changed: readonly RunJob[],
): RunJob[] | undefined {
  const next = [...jobs];
  for (const job of changed) {
    if (next[job.index]?.index !== job.index) return undefined;
    next[job.index] = job;
  }
  return next;
}

export function createRunsFeed(repository: RunsRepository, everyMs = 300): RunsFeed {
  const listeners = new Set<() => void>();
  let rows: RunRow[] | undefined;
  let relist = true;
  const dirty = new Map<string, JobSpan[] | 'all'>();
  const markDirty = (runId: string, spans: JobSpan[] | 'all') => {
    const known = dirty.get(runId);
    dirty.set(runId, known === 'all' || spans === 'all' ? 'all' : [...(known ?? []), ...spans]);
  };

  /** A run's jobs: only the written ones read again, when the write said which. */
  const readJobs = async (runId: string, known: RunJob[], spans: JobSpan[] | 'all') => {
    if (spans === 'all') return repository.jobs(runId);
    const changed: RunJob[] = [];
    for (const { first, last } of mergeSpans(spans)) {
      for (const job of await repository.jobSlice(runId, first, last)) changed.push(job);
    }
    return patchJobs(known, changed) ?? repository.jobs(runId);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  let readAt = -Infinity;
  /** Callers of readNow() waiting for the next read to start and end. */
  let waiting: (() => void)[] = [];

  const schedule = () => {
    if (timer !== undefined || reading || listeners.size === 0) return;
    timer = setTimeout(() => void refresh(), Math.max(0, readAt + everyMs - Date.now()));
  };

  const refresh = async () => {
    timer = undefined;
    reading = true;
    readAt = Date.now();
    const served = waiting;
    waiting = [];
    const listed = relist || !rows;
    relist = false;
    const changed = new Map(dirty);
    dirty.clear();
    try {
      const previous = new Map((rows ?? []).map((row) => [row.run.id, row]));
      const runs = listed ? await repository.list() : (rows ?? []).map((row) => row.run);
      const next: RunRow[] = [];
      for (const run of runs) {
        const known = previous.get(run.id);
        const spans = changed.get(run.id);
        const jobs = !known
          ? await repository.jobs(run.id)
          : spans
            ? await readJobs(run.id, known.jobs, spans)
            : known.jobs;
        next.push(known?.run === run && known.jobs === jobs ? known : { run, jobs });
      }
      // Nobody watches any more: rows kept now would go stale.
      if (listeners.size === 0) return;
      rows = next;
      for (const listener of listeners) listener();
    } catch {
      // Read again at the next write; what was read before stays on screen meanwhile.
      if (listed) relist = true;
      for (const [runId, spans] of changed) markDirty(runId, spans);
    } finally {
      reading = false;
      for (const resolve of served) resolve();
      if (relist || dirty.size > 0) schedule();
    }
  };

  const onMutated = (parts: ObservabilitySet) => {
    const touched = touchedRuns(
      parts,
      repository.db.name,
      (rows ?? []).map((row) => row.run.id),
    );
    if (touched.list) relist = true;
    for (const [runId, spans] of touched.runs) markDirty(runId, spans);
    if (touched.list || touched.runs.size > 0) schedule();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        Dexie.on.storagemutated.subscribe(onMutated);
        relist = true;
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        Dexie.on.storagemutated.unsubscribe(onMutated);
        if (timer) clearTimeout(timer);
        timer = undefined;
        // Unwatched rows would go stale: the next subscriber reads afresh.
        rows = undefined;
        dirty.clear();
      };
    },
    getSnapshot: () => rows,
    readNow(runId) {
      if (listeners.size === 0) return Promise.resolve();
      markDirty(runId, 'all');
      if (!rows?.some((row) => row.run.id === runId)) relist = true;
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (reading) return;
        if (timer) clearTimeout(timer);
        void refresh();
      });
    },
  };
}

const feeds = new WeakMap<RunsRepository, RunsFeed>();

/** The one feed of a repository, shared by every reader of runs on the page. */
export function runsFeedOf(repository: RunsRepository): RunsFeed {
  let feed = feeds.get(repository);
  if (!feed) {
    feed = createRunsFeed(repository);
    feeds.set(repository, feed);
  }
  return feed;
}
