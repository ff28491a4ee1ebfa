import { JOB_RETENTION_MS, jobExpired } from '../../../service/polling';
import type { Run, RunJob, RunJobState } from '../store/run-model';

/**
 * The run's decisions, as pure functions of what is stored and what is happening now: what a
 * reload leaves, what to send next, how many at once, and what the run amounts to.
 */

/** States in which a job still needs the service. */
const OPEN_STATES: readonly RunJobState[] = ['queued', 'sending', 'sent'];

export function isOpenJob(job: RunJob): boolean {
  return OPEN_STATES.includes(job.state);
}

/**
 * After a reload: a job whose POST may have left (no answer was saved) is not sent again
 * silently, since the service may have accepted it; the user decides.
 */
export function reopenedJob(job: RunJob): Partial<RunJob> | undefined {
  if (job.state === 'sending') {
    return {
      state: 'unsure',
      error:
        'The page closed while this job was being sent: the service may have received it. Send it again only if it is not running.',
    };
  }
  return undefined;
}

export interface SendContext {
  /** Jobs being sent or polled right now. */
  inFlight: number;
  concurrency: number;
  paused: boolean;
  hasKey: boolean;
}

/** Which queued jobs to send now, in order, within the concurrency. */
export function jobsToSend(jobs: readonly RunJob[], context: SendContext): number[] {
  if (context.paused || !context.hasKey) return [];
  let free = context.concurrency - context.inFlight;
  const chosen: number[] = [];
  for (const job of jobs) {
    if (free <= 0) break;
    if (job.state === 'queued') {
      chosen.push(job.index);
      free--;
    }
  }
  return chosen;
}

/** A job that cannot go on without a key: one to send, or one to poll. */
export function needsKey(job: RunJob): boolean {
  return job.state === 'queued' || job.state === 'sent';
}

/**
 * Sent jobs whose polling waits for a key, to poll again once one comes: not one whose poll is
 * under way (in flight, with no timer), nor one stalled (that waits for Resume polling).
 */
export function parkedJobs(
  jobs: Iterable<RunJob>,
  inFlight: ReadonlySet<number>,
  stalled: ReadonlyMap<number, unknown>,
): number[] {
  const parked: number[] = [];
  for (const job of jobs) {
    if (job.state === 'sent' && !inFlight.has(job.index) && !stalled.has(job.index))
      parked.push(job.index);
  }
  return parked;
}

export const START_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 12;

/**
 * A run starts with a few jobs out and adds one per job that finishes, up to the maximum. Throttling
 * does not cut it: pacing (pacing.ts) holds requests to the rate the service allows, and cutting the
 * jobs in flight as well starved the run in measurements (2,000 documents at 5 requests/s: 1.37×
 * the ideal time with the cut, 1.14× without).
 */
export function afterFinish(concurrency: number): number {
  return Math.min(MAX_CONCURRENCY, concurrency + 1);
}

export type RunStatus =
  | 'running'
  | 'paused'
  | 'waiting-for-key'
  | 'needs-attention'
  | 'done'
  | 'done-with-failures'
  | 'cancelled';

export interface RunProgress {
  documentsTotal: number;
  /** Documents whose job has finished (with a result or an error). */
  documentsDone: number;
  /** Documents that came back with an error, were refused, or could not be sent. */
  documentsFailed: number;
  jobsTotal: number;
  jobsDone: number;
  /** Jobs that wait for the user: unsure, refused or expired. */
  jobsNeedingAttention: number;
  open: number;
  status: RunStatus;
}

export function runProgress(run: Run, jobs: readonly RunJob[], hasKey = true): RunProgress {
  let documentsDone = 0;
  let documentsFailed = run.oversized.length;
  let jobsDone = 0;
  let attention = 0;
  let open = 0;
  for (const job of jobs) {
    const count = job.documentIndexes.length;
    if (job.state === 'finished') {
      jobsDone++;
      documentsDone += count;
      documentsFailed += job.failedDocuments ?? 0;
    } else if (job.state === 'unsure') {
      attention++;
    } else if (job.state === 'refused' || job.state === 'expired') {
      attention++;
      documentsFailed += count;
    } else if (isOpenJob(job)) open++;
  }
  let status: RunStatus;
  if (open > 0) {
    if (run.intent === 'cancelled') status = 'cancelled';
    else if (run.intent === 'paused') status = 'paused';
    else status = hasKey ? 'running' : 'waiting-for-key';
  } else if (run.intent === 'cancelled') status = 'cancelled';
  else if (attention > 0) status = 'needs-attention';
  else status = documentsFailed > 0 ? 'done-with-failures' : 'done';
  return {
    documentsTotal: run.documentCount,
    documentsDone,
    documentsFailed,
    jobsTotal: jobs.length,
    jobsDone,
    jobsNeedingAttention: attention,
    open,
    status,
  };
}

export const RUN_STATUS_WORDS: Record<RunStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  'waiting-for-key': 'Waiting for the key',
  'needs-attention': 'Needs attention',
  done: 'Done',
  'done-with-failures': 'Done, with failures',
  cancelled: 'Cancelled',
};

/** The service keeps a job and its results for 24 hours after submission; a job older is given up. */
export const RETENTION_MS = JOB_RETENTION_MS;

export function isPastRetention(submittedAt: number | undefined, now: number): boolean {
  return submittedAt !== undefined && jobExpired(submittedAt, now);
}
