import type { ServiceError } from '../../../service/errors';
import type { RunDocument, RunJob, RunResult } from '../store/run-model';

/** What the runner is doing now: not stored, gone with the page, shown beside the stored facts. */
export interface RunLive {
  concurrency: number;
  /** Set while the service asks to wait (429). */
  throttledUntil: number;
  waitingForKey: boolean;
  /** Jobs whose polling gave up for now, with why; Resume polling tries again. */
  stalled: ReadonlyMap<number, Error>;
  /** Set when the browser's storage is full: the run stops sending and keeps what it saved. */
  storageError: string | undefined;
  /** Set when the service refused the key or token (401): the run waits for another one. */
  authRefused: ServiceError | undefined;
  /** Another tab drives the run: this one watches it, and takes over when that tab goes away. */
  elsewhere: boolean;
}

export const IDLE_LIVE: RunLive = {
  concurrency: 0,
  throttledUntil: 0,
  waitingForKey: false,
  stalled: new Map(),
  storageError: undefined,
  authRefused: undefined,
  elsewhere: false,
};

/**
 * Whether a run can go on as far as keys go, the one rule the screen uses: a run another tab drives
 * goes on with that tab's key; otherwise it needs a key in this page (`keyInForm`; the page header,
 * which has no form, leaves it true) and a runner not waiting for one.
 */
export function hasUsableKey(live: RunLive, keyInForm = true): boolean {
  return live.elsewhere || (keyInForm && !live.waitingForKey);
}

/** A job's results the moment its last poll answers, before they are stored. */
export interface FinishedResults {
  job: RunJob;
  results: Omit<RunResult, 'runId'>[];
  documents: readonly RunDocument[];
}
