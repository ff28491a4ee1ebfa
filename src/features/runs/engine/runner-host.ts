import type { ServiceError } from '../../../service/errors';
import type { Clock } from './clock';
import type { DurationBook } from './duration-book';
import type { LiveJobs } from './live-jobs';
import type { PageLeaving } from './page-leaving';
import type { RequestGate } from './request-gate';
import type { RunLive } from './run-live';
import type { Run, RunDocument, RunJob } from '../store/run-model';
import type { RunSecret, RunService } from './run-service';

/** How a write went: stored, not stored (storage full), or its job is gone (the run was deleted). */
export type Stored = 'stored' | 'full' | 'gone';

/**
 * What a run's sending and polling (job-sending.ts, job-polling.ts) may use of their runner: its
 * jobs in memory, its door to the service, and the few decisions only the runner takes.
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
  run: () => Run;
  live: () => RunLive;
  setLive: (patch: Partial<RunLive>) => void;
  isStopped: () => boolean;
  /** Whether this tab drives the run (holds its lock, or there are no locks). */
  drives: () => boolean;
  stop: () => void;
  /** Changes a job in memory, then in storage. */
  save: (index: number, patch: Partial<RunJob>) => Promise<Stored>;
  documentsOf: (job: RunJob) => Promise<RunDocument[]>;
  /** The form's secret, unless it is the one the service refused last. */
  usableSecret: () => RunSecret | undefined;
  authRefused: (error: ServiceError, secret: RunSecret) => void;
  throttle: (retryAfterMs: number | undefined) => void;
  pump: () => void;
  schedulePump: (ms: number) => void;
  cancelOnService: (jobs: RunJob[]) => Promise<void>;
  /** A job whose POST was accepted: its polling starts. */
  accepted: (job: RunJob, submittedAt: number) => void;
}
