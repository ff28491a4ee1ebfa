import type { QueryClient } from '@tanstack/react-query';
import { FinishedWriter, type FinishedEntry } from './finished-writer';
import { jobKeys } from './job-keys';
import type { LiveJobs } from './live-jobs';
import type { RunIntent, RunJob } from '../store/run-model';
import type { Stored } from './runner-host';
import { StorageFullError } from '../store/runs-repository';
import type { RunStorage } from './run-storage';

export interface RunWritesDeps {
  runId: string;
  repository: RunStorage;
  queryClient: QueryClient;
  jobs: LiveJobs;
  /** The browser's storage is full: said on the run, never thrown. */
  storageFull: (message: string) => void;
  /** Nothing left to write. */
  idle: () => void;
  defer: (callback: () => void) => void;
  /**
   * A run made in this page and not stored yet (RunCoordinator.startRun): `store` stores it with
   * `jobs` as changed until the next microtask, so its first jobs' "sending" marks go in the same
   * write as the run itself; every later write waits for it.
   */
  unstored?: { jobs: readonly RunJob[]; store: (jobs: RunJob[]) => Promise<void> } | undefined;
}

/**
 * A live run's writes to storage, behind its jobs in memory: each job change as one small write,
 * finished jobs with their results in batches (FinishedWriter).
 */
export class RunWrites {
  readonly finished: FinishedWriter;
  /** The one finished job whose answer stays in the query cache (see dropCachedPolls). */
  private lastCachedUrl: string | undefined;

  /** A new run's first write (see `unstored`), under way; undefined for a stored run. */
  readonly inserted: Promise<void> | undefined;
  /** Job changes made before that write began: it stores them with the run. */
  private unstoredPatches: Map<number, Partial<RunJob>> | undefined;

  constructor(private readonly deps: RunWritesDeps) {
    this.finished = new FinishedWriter(
      (entries) => this.writeFinished(entries),
      deps.idle,
      deps.defer,
    );
    const { unstored } = deps;
    if (unstored) {
      const patches = new Map<number, Partial<RunJob>>();
      this.unstoredPatches = patches;
      // The runner starts in the same task and marks its first jobs synchronously (JobSending):
      // one write for the run and those marks, where two would wait on each other.
      this.inserted = new Promise<void>((resolve, reject) => {
        queueMicrotask(() => {
          this.unstoredPatches = undefined;
          const jobs = unstored.jobs.map((job) => ({ ...job, ...patches.get(job.index) }));
          unstored.store(jobs).then(resolve, reject);
        });
      });
    }
  }

  /** Changes a job: in memory, then in storage. */
  job(index: number, patch: Partial<RunJob>): Promise<Stored> {
    this.deps.jobs.patch(index, patch);
    const patches = this.unstoredPatches;
    if (patches && this.inserted) {
      patches.set(index, { ...patches.get(index), ...patch });
      const inserted = this.inserted;
      return this.stored(() => inserted);
    }
    return this.stored(() => this.deps.repository.updateJob(this.deps.runId, index, patch));
  }

  async intent(intent: RunIntent): Promise<void> {
    await this.stored(() => this.deps.repository.setIntent(this.deps.runId, intent));
  }

  /** Stores finished jobs and their results, many in one transaction. */
  private async writeFinished(entries: FinishedEntry[]): Promise<void> {
    const { repository, runId, jobs } = this.deps;
    if ((await this.stored(() => repository.finishJobs(runId, entries))) !== 'stored') return;
    this.dropCachedPolls(entries.map(({ index }) => jobs.get(index)?.jobUrl));
  }

  /**
   * Stored results are IndexedDB's from now on: the cached answers (raw bodies and all) would only
   * hold memory, thousands of them in a big run. The last one stays, for the raw view.
   */
  private dropCachedPolls(saved: (string | undefined)[]): void {
    const urls = saved.filter((url): url is string => url !== undefined);
    const last = urls.pop();
    if (last === undefined) return;
    for (const url of [this.lastCachedUrl, ...urls]) {
      if (url) this.deps.queryClient.removeQueries({ queryKey: jobKeys.detail(url), exact: true });
    }
    this.lastCachedUrl = last;
  }

  /**
   * A full storage is reported on the run and answered `full`, never thrown (nor left unhandled):
   * the run goes on from memory as far as it safely can (a sent job is still polled).
   */
  private async stored(write: () => Promise<unknown>): Promise<Stored> {
    try {
      // A new run's own write comes first: nothing of it can be changed before it is stored.
      await this.inserted;
      return (await write()) === false ? 'gone' : 'stored';
    } catch (error) {
      if (!(error instanceof StorageFullError)) throw error;
      this.deps.storageFull(error.message);
      return 'full';
    }
  }
}
