import type { QueryClient } from '@tanstack/react-query';
import { canCancel } from '../../../service/api-profiles';
import type { ServiceError } from '../../../service/errors';
import type { JobPoll } from '../../../service/jobs';
import { systemClock, type Clock } from './clock';
import { DurationBook } from './duration-book';
import { finishedJob } from './job-outcomes';
import { expiredPatch, JobPolling } from './job-polling';
import { sendJob } from './job-sending';
import { LiveJobs } from './live-jobs';
import { stayingPage, type PageLeaving } from './page-leaving';
import { RequestGate } from './request-gate';
import { IDLE_LIVE, type FinishedResults, type RunLive } from './run-live';
import { RunDriving } from './run-driving';
import type { RunLockManager } from './run-lock';
import type { Run, RunDocument, RunJob } from '../store/run-model';
import { afterFinish, isOpenJob, jobsToSend, reopenedJob, START_CONCURRENCY } from './run-schedule';
import { defaultService, type RunSecret, type RunService } from './run-service';
import type { RunnerHost, Stored } from './runner-host';
import type { RunsRepository } from '../store/runs-repository';
import { RunWrites } from './run-writes';

export interface RunRunnerDeps {
  run: Run;
  repository: RunsRepository;
  queryClient: QueryClient;
  /** The key (or token) for the run's endpoint when the form holds one; the runner waits without it. */
  secret: () => RunSecret | undefined;
  service?: RunService;
  clock?: Clock;
  /** What is known of this endpoint's job durations, to poll just after a job should end. */
  durations?: DurationBook;
  /** The tabs' lock manager (`navigator.locks`): one tab drives a run. None: this tab drives. */
  locks?: RunLockManager | undefined;
  /** Whether the page is unloading: no POST starts then. */
  page?: PageLeaving;
  /** A run just made: its jobs and documents as stored, so that the first POST need not read them. */
  initial?: { jobs: RunJob[]; documents: RunDocument[] };
}

/**
 * One run's process. It owns the run's jobs in memory while it drives them (LiveJobs, read by the
 * screen) and stores every change behind that: a job is stored as possibly sent before its POST
 * leaves, and a finished job's results are shown first and written just after (FinishedWriter).
 * It sends queued jobs paced to the rate the service allows (RequestGate) within a concurrency
 * that grows as jobs finish, and polls the sent ones. Its decisions are the pure functions of
 * run-schedule.ts, job-outcomes.ts and pacing.ts. With a lock manager it drives the run only while
 * it holds the run's lock (run-lock.ts); until then it watches another tab drive it, from storage.
 */
export class RunRunner {
  readonly runId: string;
  private run: Run;
  private readonly deps: Required<Omit<RunRunnerDeps, 'run' | 'locks' | 'initial'>> &
    Pick<RunRunnerDeps, 'locks'>;
  private readonly jobs = new LiveJobs(() => this.jobsChanged());
  /** The run's documents while they are in memory (a run made in this page), by index. */
  private documents: (RunDocument | undefined)[];
  private initialJobs: RunJob[] | undefined;
  private readonly inFlight = new Set<number>();
  private readonly host: RunnerHost;
  private readonly polling: JobPolling;
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly gate: RequestGate;
  private readonly writes: RunWrites;
  private concurrency = START_CONCURRENCY;
  private live: RunLive = { ...IDLE_LIVE, concurrency: START_CONCURRENCY };
  private listeners = new Set<() => void>();
  private finishedListeners = new Set<(finished: FinishedResults) => void>();
  private stopped = false;
  private readonly driving: RunDriving;
  /** Settles once the first jobs' POSTs have left, or nothing is to be sent now (see firstSent). */
  private readonly firstSends = settledOnce();
  private stopWatchingPage: (() => void) | undefined;
  /** The key or token the service refused last; another one lifts the wait. */
  private refusedSecret: string | undefined;

  constructor({ run, initial, ...deps }: RunRunnerDeps) {
    this.runId = run.id;
    this.run = run;
    this.deps = {
      ...deps,
      service: deps.service ?? defaultService(deps.queryClient),
      clock: deps.clock ?? systemClock,
      durations: deps.durations ?? new DurationBook(),
      page: deps.page ?? stayingPage(),
    };
    this.documents = initial?.documents ?? [];
    this.initialJobs = initial?.jobs;
    this.gate = new RequestGate(this.deps.clock);
    this.driving = new RunDriving({
      runId: run.id,
      locks: deps.locks,
      drive: (takenOver) => (takenOver ? this.takeOver() : this.load()),
      watching: () => this.setLive({ elsewhere: true }),
      letGo: () => {
        this.jobs.reset();
        this.notify();
      },
      isStopped: () => this.stopped,
    });
    this.host = this.makeHost();
    this.polling = new JobPolling(this.host, (job, poll) => this.finish(job, poll));
    this.writes = new RunWrites({
      runId: run.id,
      repository: this.deps.repository,
      queryClient: this.deps.queryClient,
      jobs: this.jobs,
      storageFull: (message) => this.setLive({ storageError: message }),
      idle: () => this.settleIfIdle(),
      defer: (callback) => void this.deps.clock.setTimeout(callback, 0),
    });
  }

  /** What sending and polling may use of this runner (runner-host.ts). */
  private makeHost(): RunnerHost {
    const { service, clock, page, durations } = this.deps;
    return {
      jobs: this.jobs,
      inFlight: this.inFlight,
      gate: this.gate,
      service: {
        ...service,
        submit: (input, secret) => {
          const posted = service.submit(input, secret);
          this.firstSends.resolve();
          return posted;
        },
      },
      clock,
      page,
      durations,
      run: () => this.run,
      live: () => this.live,
      setLive: (patch) => this.setLive(patch),
      isStopped: () => this.stopped,
      drives: () => this.drives,
      stop: () => this.stop(),
      save: (index, patch) => this.save(index, patch),
      documentsOf: (job) => this.documentsOf(job),
      usableSecret: () => this.usableSecret(),
      authRefused: (error, secret) => this.authRefused(error, secret),
      throttle: (retryAfterMs) => this.throttle(retryAfterMs),
      pump: () => this.pump(),
      schedulePump: (ms) => this.schedulePump(ms),
      cancelOnService: (jobs) => this.cancelOnService(jobs),
      accepted: (job, submittedAt) => this.polling.accepted(job, submittedAt),
    };
  }

  // --- for the screen -------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getLive = (): RunLive => this.live;

  /** The run as this runner knows it (its intent changes here first). */
  getRun = (): Run => this.run;

  /** The run's jobs as this runner drives them; undefined while it does not (storage has them). */
  getJobs = (): readonly RunJob[] | undefined => (this.drives ? this.jobs.snapshot() : undefined);

  /** Told of each job's results the moment its last poll answers, before they are stored. */
  onFinished(listener: (finished: FinishedResults) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private setLive(patch: Partial<RunLive>): void {
    this.live = { ...this.live, ...patch };
    this.notify();
  }

  private jobsChanged(): void {
    if (this.drives) this.notify();
  }

  // --- life -----------------------------------------------------------------------------------

  /**
   * Loads the run's jobs as stored and carries on from there: a reload lands here too. With locks,
   * when another tab drives the run, this resolves at once and the runner watches until it may
   * take over.
   */
  start(): Promise<void> {
    return this.driving.start();
  }

  /** Driving the run, or watching another tab drive it; not once it let go or stopped. */
  get active(): boolean {
    return this.driving.active && !this.stopped;
  }

  private get drives(): boolean {
    return this.driving.driving;
  }

  /** The tab that drove the run went away: what it saved is the truth, read afresh. */
  private async takeOver(): Promise<void> {
    const run = await this.deps.repository.get(this.runId).catch(() => undefined);
    if (!run) return this.driving.letGo();
    this.run = run;
    this.setLive({ elsewhere: false });
    await this.load();
  }

  private async load(): Promise<void> {
    const stored = this.initialJobs ?? (await this.deps.repository.jobs(this.runId));
    this.initialJobs = undefined;
    this.stopWatchingPage ??= this.deps.page.onStayed(() => this.pump());
    const now = this.deps.clock.now();
    const changes = stored.map((job) => ({
      job,
      patch: reopenedJob(job) ?? expiredPatch(job, now),
    }));
    this.driving.driving = true;
    this.jobs.reset(changes.map(({ job, patch }) => (patch ? { ...job, ...patch } : job)));
    for (const { job, patch } of changes) {
      if (patch) await this.save(job.index, patch);
      if (this.jobs.get(job.index)?.state === 'sent') this.polling.schedule(job.index, 0);
    }
    this.pump();
  }

  /**
   * Nothing left to send, poll or save: the run's lock goes, so that another tab can act on the
   * run (Send again there, say) and this one drives it again only when asked (start()).
   */
  private settleIfIdle(): void {
    if (!this.driving.mayLetGo || this.stopped) return;
    if (this.inFlight.size > 0 || this.writes.finished.busy || this.jobs.some(isOpenJob)) return;
    this.driving.letGo();
  }

  stop(): void {
    this.stopped = true;
    this.firstSends.resolve();
    this.polling.stop();
    if (this.pumpTimer) this.deps.clock.clearTimeout(this.pumpTimer);
    this.stopWatchingPage?.();
    this.driving.stop();
    this.listeners.clear();
    this.finishedListeners.clear();
  }

  /**
   * Resolves once the first jobs' POSTs are on the wire, or once nothing is to be sent now (no
   * key, paused, throttled, stopped): a new run's page work waits for it, so that rendering the
   * run does not hold its first request back.
   */
  firstSent(): Promise<void> {
    return this.firstSends.promise;
  }

  /** Resolves once every finished job this runner has shown is stored. */
  flushed(): Promise<void> {
    return this.writes.finished.flushed();
  }

  /** The form's key changed: a run that waited for it goes on, by itself. */
  keyChanged(): void {
    if (!this.usableSecret()) return;
    this.refusedSecret = undefined;
    this.setLive({ waitingForKey: false, authRefused: undefined });
    if (!this.drives) return;
    for (const job of this.jobs.values()) {
      // Only parked jobs: one whose poll is under way has no timer but is in flight.
      if (
        job.state === 'sent' &&
        !this.inFlight.has(job.index) &&
        !this.live.stalled.has(job.index)
      )
        this.polling.schedule(job.index, 0);
    }
    this.pump();
  }

  async setPaused(paused: boolean): Promise<void> {
    if (!(await this.driving.acquire())) return;
    await this.setIntent(paused ? 'paused' : 'run');
    this.pump();
  }

  /** Queued jobs are dropped; sent GA jobs are cancelled on the service (the preview API has none). */
  async cancel(): Promise<void> {
    if (!(await this.driving.acquire())) return;
    await this.setIntent('cancelled');
    for (const job of [...this.jobs.values()]) {
      if (job.state === 'queued') await this.save(job.index, { state: 'cancelled' });
    }
    await this.cancelOnService([...this.jobs.values()].filter((job) => job.state === 'sent'));
    this.settleIfIdle();
  }

  private async cancelOnService(jobs: RunJob[]): Promise<void> {
    const key = this.deps.secret();
    if (!key || !canCancel(this.run.settings.apiVersion)) return;
    const credentials = { endpoint: this.run.settings.endpoint, ...key };
    await Promise.allSettled(
      jobs.flatMap((job) =>
        job.jobUrl ? [this.deps.service.cancel(job.jobUrl, credentials)] : [],
      ),
    );
  }

  /** Sends a job again: refused, failed, expired, or unsure and the user says it did not arrive. */
  async sendAgain(index: number): Promise<void> {
    if (!(await this.driving.acquire())) return;
    // A finished job's write must land before the job is queued again, or it would overwrite it.
    await this.writes.finished.flushed();
    const job = this.jobs.get(index);
    if (!job || job.state === 'sending' || job.state === 'sent') return;
    await this.save(index, {
      state: 'queued',
      jobUrl: undefined,
      jobId: undefined,
      status: undefined,
      outcome: undefined,
      submittedAt: undefined,
      finishedAt: undefined,
      error: undefined,
      failure: undefined,
      failedDocuments: undefined,
    });
    if (this.run.intent === 'cancelled') await this.setIntent('run');
    this.pump();
  }

  async resumePolling(index: number): Promise<void> {
    if (!(await this.driving.acquire())) return;
    const stalled = new Map(this.live.stalled);
    stalled.delete(index);
    this.setLive({ stalled });
    this.polling.schedule(index, 0);
  }

  /** Retry now: the wait the service asked for is cut short, and every waiting request goes. */
  async retryNow(): Promise<void> {
    if (!(await this.driving.acquire())) return;
    this.gate.retryNow();
    this.setLive({ throttledUntil: 0 });
    this.polling.pollWaitingNow();
    this.pump();
  }

  // --- sending --------------------------------------------------------------------------------

  private pump(): void {
    if (this.stopped || !this.drives) return;
    if (this.run.intent !== 'run' || this.live.storageError || this.deps.page.isLeaving())
      return this.idle();
    const key = this.usableSecret();
    if (!key) {
      if (this.jobs.some((job) => job.state === 'queued' || job.state === 'sent'))
        this.setLive({ waitingForKey: true });
      return this.idle();
    }
    const choice = jobsToSend([...this.jobs.values()], {
      inFlight: this.inFlight.size,
      concurrency: this.concurrency,
      paused: false,
      hasKey: true,
    });
    for (const index of choice)
      void sendJob(this.host, index, key).catch(() => this.inFlight.delete(index));
    if (choice.length === 0) this.idle();
    else this.settleIfIdle();
  }

  /** Nothing is sent now: the first sends are over (firstSent), and the lock may go. */
  private idle(): void {
    this.firstSends.resolve();
    this.settleIfIdle();
  }

  /** The form's secret, unless it is the one the service just refused (sending it again is futile). */
  private usableSecret(): RunSecret | undefined {
    const secret = this.deps.secret();
    return secret && secret.key !== this.refusedSecret ? secret : undefined;
  }

  /** The service answered 401: keep every job as it is and wait for another key or token. */
  private authRefused(error: ServiceError, secret: RunSecret): void {
    this.refusedSecret = secret.key;
    this.setLive({ authRefused: error, waitingForKey: true });
  }

  private schedulePump(ms: number): void {
    if (this.pumpTimer) this.deps.clock.clearTimeout(this.pumpTimer);
    this.pumpTimer = this.deps.clock.setTimeout(() => {
      this.pumpTimer = undefined;
      this.pump();
    }, ms);
  }

  private throttle(retryAfterMs: number | undefined): void {
    this.gate.throttle(retryAfterMs);
    this.setLive({ throttledUntil: this.gate.pausedUntil });
  }

  /** The job's documents: from memory for a run made in this page, else from storage. */
  private async documentsOf(job: RunJob): Promise<RunDocument[]> {
    const held = job.documentIndexes.map((index) => this.documents[index]);
    if (held.every((document) => document !== undefined)) return held;
    return this.deps.repository.documents(this.runId, job.documentIndexes);
  }

  /**
   * A finished job: shown at once (its results to the screen, its state in memory), stored just
   * after. From here on it is never polled again.
   */
  private async finish(job: RunJob, poll: JobPoll): Promise<void> {
    const documents = await this.documentsOf(job);
    if (this.stopped) return;
    const { patch, results } = finishedJob(poll, documents, this.deps.clock.now());
    if (patch.outcome === 'done' && patch.serviceDurationMs !== undefined) {
      this.deps.durations.add({
        documents: job.documentIndexes.length,
        characters: job.characters ?? 0,
        durationMs: patch.serviceDurationMs,
      });
    }
    this.inFlight.delete(job.index);
    const finished = this.jobs.patch(job.index, patch) ?? { ...job, ...patch };
    this.concurrency = afterFinish(this.concurrency);
    this.setLive({ concurrency: this.concurrency });
    for (const listener of this.finishedListeners) listener({ job: finished, results, documents });
    // Its documents are storage's from now on: memory holds only what is still to be sent.
    for (const documentIndex of job.documentIndexes) this.documents[documentIndex] = undefined;
    this.writes.finished.add({ index: job.index, patch, results });
    this.pump();
  }

  private async setIntent(intent: Run['intent']): Promise<void> {
    this.run = { ...this.run, intent };
    await this.writes.intent(intent);
  }

  private save(index: number, patch: Partial<RunJob>): Promise<Stored> {
    return this.writes.job(index, patch);
  }
}

/** A promise settled by the first resolve() (later ones do nothing). */
function settledOnce(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}
