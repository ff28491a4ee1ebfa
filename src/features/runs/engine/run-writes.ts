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
}

/**
 * A live run's writes to storage, behind its jobs in memory: each job change as one small write,
 * finished jobs with their results in batches (FinishedWriter).
 */
export class RunWrites {
  readonly finished: FinishedWriter;
  /** The one finished job whose answer stays in the query cache (see dropCachedPolls). */
  private lastCachedUrl: string | undefined;

  constructor(private readonly deps: RunWritesDeps) {
    this.finished = new FinishedWriter(
      (entries) => this.writeFinished(entries),
      deps.idle,
      deps.defer,
    );
  }

  /** Changes a job: in memory, then in storage. */
  job(index: number, patch: Partial<RunJob>): Promise<Stored> {
    this.deps.jobs.patch(index, patch);
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
      return (await write()) === false ? 'gone' : 'stored';
    } catch (error) {
      if (!(error instanceof StorageFullError)) throw error;
      this.deps.storageFull(error.message);
      return 'full';
    }
  }
}
