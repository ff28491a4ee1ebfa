import { ServiceError } from '../../../service/errors';
import type { JobPoll } from '../../../service/jobs';
import { isFinished } from '../../../service/model';
import { nextPollDelay } from '../../../service/polling';
import { predictivePollDelay } from './job-duration';
import {
  afterPollError,
  clampWait,
  describeError,
  EXPIRED_HERE,
  pollDelayWithinRetention,
} from './job-outcomes';
import type { RunJob } from '../store/run-model';
import { isPastRetention } from './run-schedule';
import type { RunSecret } from './run-service';
import type { RunnerHost } from './runner-host';

/** The patch that gives up a sent job the service no longer keeps (24 hours), if it is one. */
export function expiredPatch(job: RunJob, now: number): Partial<RunJob> | undefined {
  if (job.state !== 'sent' || !isPastRetention(job.submittedAt, now)) return undefined;
  return { state: 'expired', error: EXPIRED_HERE };
}

/**
 * The polling of a run's sent jobs: one timer per job, each poll paced through the run's gate,
 * the next one timed to the job's expected end. A finished job goes to `finished`.
 */
export class JobPolling {
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Polls each job has had, for the predictive schedule. */
  private readonly polls = new Map<number, number>();

  constructor(
    private readonly host: RunnerHost,
    private readonly finished: (job: RunJob, poll: JobPoll) => Promise<void>,
  ) {}

  schedule(index: number, ms: number): void {
    const { host } = this;
    if (host.isStopped() || !host.drives()) return;
    host.inFlight.add(index);
    const existing = this.timers.get(index);
    if (existing) host.clock.clearTimeout(existing);
    this.timers.set(
      index,
      host.clock.setTimeout(() => {
        this.timers.delete(index);
        void this.poll(index).catch((error: unknown) => this.stall(index, error));
      }, ms),
    );
  }

  /** Retry now: every job waiting for its next poll is polled at once. */
  pollWaitingNow(): void {
    for (const index of [...this.timers.keys()]) this.schedule(index, 0);
  }

  stop(): void {
    for (const timer of this.timers.values()) this.host.clock.clearTimeout(timer);
    this.timers.clear();
  }

  /** The first poll of a job the service just accepted. */
  accepted(job: RunJob, submittedAt: number): void {
    this.schedule(job.index, this.wait(job, this.host.clock.now() - submittedAt));
  }

  private stall(index: number, error: unknown): void {
    const { host } = this;
    host.inFlight.delete(index);
    const stalled = new Map(host.live().stalled);
    stalled.set(index, error instanceof Error ? error : new Error(describeError(error)));
    host.setLive({ stalled });
    host.pump();
  }

  private async poll(index: number): Promise<void> {
    const { host } = this;
    const job = host.jobs.get(index);
    if (!job?.jobUrl || job.state !== 'sent' || host.isStopped()) {
      host.inFlight.delete(index);
      return;
    }
    const now = host.clock.now();
    const expired = expiredPatch(job, now);
    if (expired) {
      host.inFlight.delete(index);
      await host.save(index, expired);
      return host.pump();
    }
    const key = host.usableSecret();
    if (!key) {
      // Parked: the runner's keyChanged() picks it up again.
      host.inFlight.delete(index);
      host.setLive({ waitingForKey: true });
      return;
    }
    await host.gate.pass(host.isStopped);
    if (host.isStopped()) return;
    let poll: JobPoll;
    try {
      poll = await host.service.poll(job.jobUrl, {
        endpoint: host.run().settings.endpoint,
        ...key,
      });
    } catch (error) {
      if (host.isStopped()) return;
      return await this.failed(index, key, error);
    }
    if (host.isStopped()) return;
    const { snapshot } = poll;
    this.polls.set(index, (this.polls.get(index) ?? 0) + 1);
    if (isFinished(snapshot.phase)) return this.finished(job, poll);
    if (snapshot.status !== job.status || snapshot.jobId !== job.jobId)
      await host.save(index, { status: snapshot.status, jobId: snapshot.jobId });
    const elapsed = host.clock.now() - (job.submittedAt ?? now);
    this.schedule(index, this.wait(job, elapsed, poll.retryAfterMs));
  }

  private async failed(index: number, key: RunSecret, error: unknown): Promise<void> {
    const { host } = this;
    const outcome = afterPollError(error);
    if (outcome.kind === 'throttled') {
      host.throttle(outcome.waitMs);
      return this.schedule(index, host.gate.waitLeft());
    }
    host.inFlight.delete(index);
    // Parked like a job without a key (an expired token, say): a new one picks it up again.
    if (outcome.kind === 'auth-refused' && error instanceof ServiceError)
      return host.authRefused(error, key);
    if (outcome.kind === 'expired') {
      await host.save(index, { state: 'expired', failure: outcome.failure, error: outcome.error });
      return host.pump();
    }
    this.stall(index, error);
  }

  /**
   * The next poll: around the expected end when durations are known, else the usual schedule;
   * never longer than a minute, and never past the 24 hours the service keeps the job.
   */
  private wait(job: RunJob, elapsedMs: number, retryAfterMs?: number): number {
    const { host } = this;
    const expected = host.durations.predict(job.documentIndexes.length, job.characters ?? 0);
    const wait = predictivePollDelay(elapsedMs, expected, {
      polls: this.polls.get(job.index) ?? 0,
      fallback: (elapsed) => nextPollDelay(elapsed),
      retryAfterMs: clampWait(retryAfterMs),
      requestsScarce: host.gate.scarce,
    });
    const now = host.clock.now();
    return pollDelayWithinRetention(wait, job.submittedAt ?? now, now);
  }
}
