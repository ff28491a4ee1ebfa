import { ServiceError } from '../../../service/errors';
import type { JobPoll } from '../../../service/jobs';
import { isFinished } from '../../../service/model';
import { nextPollDelay } from '../../../service/polling';
import { predictivePollDelay } from './job-duration';
import { finishJob } from './job-finishing';
import {
  afterPollError,
  clampWait,
  describeError,
  expiredPatch,
  pollDelayWithinRetention,
} from './job-outcomes';
import type { RunJob } from '../store/run-model';
import type { RunSecret } from './run-service';
import type { RunnerHost } from './runner-host';

/**
 * The polling of a run's sent jobs: one timer per job, each poll paced through the run's gate,
 * the next one timed to the job's expected end. A finished job goes to finishJob (job-finishing.ts).
 */
export class JobPolling {
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Polls each job has had, for the predictive schedule. */
  private readonly polls = new Map<number, number>();

  constructor(private readonly host: RunnerHost) {}

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

  /** Resume polling: a stalled job is polled again at once. */
  resume(index: number): void {
    const stalled = new Map(this.host.feed.get().stalled);
    stalled.delete(index);
    this.host.feed.set({ stalled });
    this.schedule(index, 0);
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
    const stalled = new Map(host.feed.get().stalled);
    stalled.set(index, error instanceof Error ? error : new Error(describeError(error)));
    host.feed.set({ stalled });
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
    const key = host.keys.usable();
    if (!key) {
      // Parked: the runner's keyChanged() picks it up again.
      host.inFlight.delete(index);
      host.keys.wait();
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
    if (isFinished(snapshot.phase)) return finishJob(host, job, poll);
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
    // Parked like a job without a key (an expired token, say): a new one picks it up again, or the
    // one the form already holds.
    if (outcome.kind === 'auth-refused' && error instanceof ServiceError) {
      if (host.keys.refused(error, key)) this.schedule(index, 0);
      return;
    }
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
