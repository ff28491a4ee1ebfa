import type { Clock } from './clock';
import type { DurationBook } from './duration-book';
import type { FinishedEntry } from './finished-writer';
import type { HeldDocuments } from './held-documents';
import type { KeyWait } from './key-wait';
import type { LiveFeed } from './live-feed';
import type { LiveJobs } from './live-jobs';
import type { PageLeaving } from './page-leaving';
import type { RequestGate } from './request-gate';
import type { Run, RunJob } from '../store/run-model';
import type { RunService } from './run-service';

/** How a write went: stored, not stored (storage full), or its job is gone (the run was deleted). */
export type Stored = 'stored' | 'full' | 'gone';

/**
 * What a run's sending, polling, finishing and cancelling (job-sending.ts, job-polling.ts,
 * job-finishing.ts, job-cancelling.ts) may use of their runner: its jobs in memory, its door to
 * the service, and the few decisions only the runner takes.
 */
export interface RunnerHost {
  readonly jobs: LiveJobs;
  /** Jobs being sent or polled right now (a POST or a poll under way, or a poll's timer set). */
  readonly inFlight: Set<number>;
  readonly gate: RequestGate;
  readonly service: RunService;
  readonly clock: Clock;
  readonly page: PageLeaving;
  readonly durations: DurationBook;
  /** What the run is doing now, for the screen. */
  readonly feed: LiveFeed;
  /** The key to send and poll with, and the wait for one. */
  readonly keys: KeyWait;
  readonly documents: HeldDocuments;
  run: () => Run;
  isStopped: () => boolean;
  /** Whether this tab drives the run (holds its lock, or there are no locks). */
  drives: () => boolean;
  stop: () => void;
  /** Changes a job in memory, then in storage. */
  save: (index: number, patch: Partial<RunJob>) => Promise<Stored>;
  /** The service asked to wait (429): every request of the run waits, and the page says so. */
  throttle: (retryAfterMs: number | undefined) => void;
  /** Stores a finished job and its results, behind the screen (FinishedWriter). */
  storeFinished: (entry: FinishedEntry) => void;
  /** Sends what may go now (JobSending). */
  pump: () => void;
  /** A job whose POST was accepted: its polling starts. */
  accepted: (job: RunJob, submittedAt: number) => void;
}
