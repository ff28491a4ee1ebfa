import type { RunJob, RunResult } from '../store/run-model';

export interface FinishedEntry {
  index: number;
  patch: Partial<RunJob>;
  results: Omit<RunResult, 'runId'>[];
}

/**
 * Finished jobs go to storage behind the screen, in order: the first at once, and those that
 * finish while it is written together in the next write, so many results make few transactions.
 */
export class FinishedWriter {
  private queue: FinishedEntry[] = [];
  private writing: Promise<void> | undefined;

  constructor(
    private readonly write: (entries: FinishedEntry[]) => Promise<void>,
    /** Called once nothing is left to write. */
    private readonly idle: () => void,
    /** Runs its callback after the current task (the clock's zero timeout). */
    private readonly defer: (callback: () => void) => void = (callback) =>
      void setTimeout(callback, 0),
  ) {}

  get busy(): boolean {
    return this.writing !== undefined || this.queue.length > 0;
  }

  add(entry: FinishedEntry): void {
    this.queue.push(entry);
    this.writing ??= this.drain();
  }

  /** Resolves once everything added so far is written (or failed). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    // Jobs whose polls answer in the same moment join the first write.
    await new Promise<void>((resolve) => this.defer(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      await this.write(batch).catch(() => undefined);
    }
    this.writing = undefined;
    this.idle();
  }
}
