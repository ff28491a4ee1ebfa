import { DEMO_ENDPOINT } from '../../../demo/demo-settings';
import { ServiceError } from '../../../service/errors';
import { cancelOnService } from './job-cancelling';
import { afterSendError, describeError, jobInput, storableFailure } from './job-outcomes';
import type { RunnerHost } from './runner-host';
import { jobsToSend, needsKey } from './run-schedule';
import type { RunSecret } from './run-service';
import { settledOnce } from './settled-once';

/**
 * The sending of a run's queued jobs: which go now (run-schedule.ts), within the concurrency and
 * while the run runs with a key; each one through the pacing to the service, and every way that
 * can end as afterSendError (job-outcomes.ts) decides.
 */
export class JobSending {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Settles once the first jobs' POSTs have left, or nothing is to be sent now (see firstSent). */
  private readonly firstSends = settledOnce();

  constructor(
    private readonly host: RunnerHost,
    /** Nothing is being sent now: the runner may let the run go. */
    private readonly settle: () => void,
  ) {}

  /** Resolves once the first jobs' POSTs are on the wire, or once nothing is to be sent now. */
  firstSent(): Promise<void> {
    return this.firstSends.promise;
  }

  /** Sends what may go now. */
  pump(): void {
    const { host } = this;
    if (host.isStopped() || !host.drives()) return;
    const { storageError, concurrency } = host.feed.get();
    if (host.run().intent !== 'run' || storageError || host.page.isLeaving()) return this.idle();
    const key = host.keys.usable();
    if (!key) {
      if (host.jobs.some(needsKey)) host.keys.wait();
      return this.idle();
    }
    const choice = jobsToSend([...host.jobs.values()], {
      inFlight: host.inFlight.size,
      concurrency,
      paused: false,
      hasKey: true,
    });
    // Each chosen job is in flight from here on (send() claims it at once): nothing to let go.
    for (const index of choice) void this.send(index, key).catch(() => host.inFlight.delete(index));
    if (choice.length === 0) this.idle();
  }

  stop(): void {
    this.firstSends.resolve();
    if (this.timer) this.host.clock.clearTimeout(this.timer);
  }

  private idle(): void {
    this.firstSends.resolve();
    this.settle();
  }

  /** Sends what may go after `ms` (the wait the service asked for). */
  private schedule(ms: number): void {
    const { clock } = this.host;
    if (this.timer) clock.clearTimeout(this.timer);
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
  }

  /** Back to the queue in memory: nothing was stored as on its way, nothing left. */
  private unclaim(index: number): void {
    this.host.inFlight.delete(index);
    this.host.jobs.patch(index, { state: 'queued' });
  }

  /**
   * Sends one queued job: waits for the pacing, stores it as possibly sent, POSTs it, stores its
   * URL.
   */
  private async send(index: number, key: RunSecret): Promise<void> {
    const { host } = this;
    const job = host.jobs.get(index);
    if (!job) return;
    host.inFlight.add(index);
    // Claimed in memory only while it waits for pacing: a reload then finds it queued, not unsure.
    host.jobs.patch(index, { state: 'sending' });
    try {
      // Without a wait when nothing needs one: a new run's first jobs then reach their "sending"
      // mark in pump()'s own turn, and are stored with the run in one write (RunWrites).
      const documents = host.documents.inMemory(job) ?? (await host.documents.of(job));
      // The run was deleted (in another tab, say): nothing of it is sent any more.
      if (documents.length === 0 && job.documentIndexes.length > 0) return host.stop();
      if (!host.gate.passNow()) await host.gate.pass(host.isStopped);
      if (host.isStopped()) return;
      const { intent, settings } = host.run();
      if (intent !== 'run') {
        // Paused or cancelled while it waited: nothing left.
        host.inFlight.delete(index);
        await host.save(index, { state: intent === 'cancelled' ? 'cancelled' : 'queued' });
        return;
      }
      if (host.page.isLeaving()) return this.unclaim(index);
      // Stored before the POST leaves: a reload from here on finds the job `sending`, so `unsure`.
      // Not stored (storage full), it is not sent either, or a reload could send it twice.
      const marked = await host.save(index, { state: 'sending', error: undefined });
      if (marked === 'gone') return host.stop();
      if (marked === 'full') return this.unclaim(index);
      if (host.isStopped()) return;
      if (host.page.isLeaving()) {
        this.unclaim(index);
        await host.save(index, { state: 'queued' });
        return;
      }
      const submittedAt = host.clock.now();
      const posted = host.service.submit(jobInput(settings, documents), key);
      this.firstSends.resolve();
      const jobUrl = await posted;
      // The job URL first, in one small write: a reload from now on polls the job, never asks.
      // Not stored (storage full), the job is still polled from memory.
      await host.save(index, { state: 'sent', jobUrl, submittedAt });
      // Cancelled while the POST was on its way: the service accepted it, so cancel it there too.
      if (host.run().intent === 'cancelled') void cancelOnService(host, [{ ...job, jobUrl }]);
      host.accepted(job, submittedAt);
    } catch (error) {
      host.inFlight.delete(index);
      if (host.isStopped()) return;
      await this.failed(index, key, error);
      this.pump();
    }
  }

  private async failed(index: number, key: RunSecret, error: unknown): Promise<void> {
    const { host } = this;
    const outcome = afterSendError(error, {
      leaving: host.page.isLeaving(),
      demo: host.run().settings.endpoint === DEMO_ENDPOINT,
    });
    switch (outcome.kind) {
      case 'auth-refused':
        // Queued again: sent by the next pump with the form's key, unless the run now waits for one.
        if (error instanceof ServiceError) host.keys.refused(error, key);
        await host.save(index, { state: 'queued' });
        return;
      case 'throttled':
        host.throttle(outcome.waitMs);
        await host.save(index, { state: 'queued' });
        return this.schedule(host.gate.waitLeft());
      case 'not-sent':
        await host.save(index, { state: 'queued' });
        return;
      case 'unsure':
      case 'refused':
        await host.save(index, {
          state: outcome.kind,
          error: describeError(error),
          failure: storableFailure(error),
        });
    }
  }
}
