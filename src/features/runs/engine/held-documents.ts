import type { RunDocument, RunJob } from '../store/run-model';

/**
 * A run's documents while they are in memory (a run made in this page), by index: a job's first
 * POST needs no read of them, and a finished job's are dropped (storage has them from then on).
 */
export class HeldDocuments {
  constructor(
    private readonly held: (RunDocument | undefined)[],
    private readonly stored: (indexes: number[]) => Promise<RunDocument[]>,
  ) {}

  /** The job's documents: from memory while they are held, else from storage. */
  async of(job: RunJob): Promise<RunDocument[]> {
    return this.inMemory(job) ?? this.stored(job.documentIndexes);
  }

  /** The job's documents when memory holds them all, at once (no turn of the event loop). */
  inMemory(job: RunJob): RunDocument[] | undefined {
    const held = job.documentIndexes.map((index) => this.held[index]);
    return held.every((document) => document !== undefined) ? held : undefined;
  }

  /** A finished job's documents: memory holds only what is still to be sent. */
  release(job: RunJob): void {
    for (const index of job.documentIndexes) this.held[index] = undefined;
  }
}
