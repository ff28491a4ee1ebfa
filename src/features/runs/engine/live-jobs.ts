import type { RunJob } from '../store/run-model';

/**
 * The jobs of a run while a runner drives it: their one owner in memory, ahead of storage. The
 * screen reads `snapshot()`, a list made again only after a change, in job order.
 */
export class LiveJobs {
  private byIndex = new Map<number, RunJob>();
  private list: readonly RunJob[] | undefined;

  constructor(private readonly changed: () => void) {}

  reset(jobs: Iterable<RunJob> = []): void {
    this.byIndex = new Map([...jobs].map((job) => [job.index, job]));
    this.list = undefined;
    this.changed();
  }

  get(index: number): RunJob | undefined {
    return this.byIndex.get(index);
  }

  values(): IterableIterator<RunJob> {
    return this.byIndex.values();
  }

  /** Changes a job in memory; the caller stores the same patch. */
  patch(index: number, patch: Partial<RunJob>): RunJob | undefined {
    const job = this.byIndex.get(index);
    if (!job) return undefined;
    const next = { ...job, ...patch };
    this.byIndex.set(index, next);
    this.list = undefined;
    this.changed();
    return next;
  }

  some(test: (job: RunJob) => boolean): boolean {
    for (const job of this.byIndex.values()) if (test(job)) return true;
    return false;
  }

  snapshot(): readonly RunJob[] {
    this.list ??= [...this.byIndex.values()].sort((a, b) => a.index - b.index);
    return this.list;
  }
}
