import type { QueryClient } from '@tanstack/react-query';
import { systemClock, type Clock } from './clock';
import { DurationBook } from './duration-book';
import { HeldDocuments } from './held-documents';
import { cancelJobs } from './job-cancelling';
import { resumedJob, sentAgain } from './job-outcomes';
import { JobPolling } from './job-polling';
import { JobSending } from './job-sending';
import { KeyWait } from './key-wait';
import { LiveFeed } from './live-feed';
import { LiveJobs } from './live-jobs';
import { stayingPage, type PageLeaving } from './page-leaving';
import { RequestGate } from './request-gate';
import type { FinishedResults, RunLive } from './run-live';
import { RunDriving } from './run-driving';
import type { RunLockManager } from './run-lock';
import type { Run, RunDocument, RunJob } from '../store/run-model';
import { isOpenJob, parkedJobs } from './run-schedule';
import { defaultService, type RunSecret, type RunService } from './run-service';
import type { RunnerHost } from './runner-host';
import type { RunStorage } from './run-storage';
import { RunWrites } from './run-writes';

export interface RunRunnerDeps {
  run: Run;
  /** Where the run is stored: IndexedDB in the browser, a journal file on the command line. */
  repository: RunStorage;
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
  /** A run just made, so its first POST reads nothing; with `store`, stored by the runner (RunWrites). */
  initial?: {
    jobs: RunJob[];
    documents: RunDocument[];
    store?: (jobs: RunJob[]) => Promise<void>;
  };
}

/**
 * One run's process. It owns the run's jobs in memory while it drives them (LiveJobs, read by the
 * screen through its LiveFeed) and stores every change behind that (RunWrites): a job is stored as
 * possibly sent before its POST leaves, and a finished job's results are shown first and written
 * just after (FinishedWriter). It sends queued jobs (JobSending) paced to the rate the service
 * allows (RequestGate) within a concurrency that grows as jobs finish, polls the sent ones
 * (JobPolling), and waits for a key when it has none (KeyWait). Its decisions are the pure
 * functions of run-schedule.ts, job-outcomes.ts and pacing.ts. With a lock manager it drives the
 * run only while it holds the run's lock (RunDriving); until then it watches another tab drive it.
 */
export class RunRunner {
  readonly runId: string;
  private run: Run;
  private readonly deps: Required<Omit<RunRunnerDeps, 'run' | 'locks' | 'initial' | 'secret'>> &
    Pick<RunRunnerDeps, 'locks'>;
  private readonly feed = new LiveFeed();
  private readonly jobs = new LiveJobs(() => {
    if (this.drives) this.feed.notify();
  });
  private readonly documents: HeldDocuments;
  private initialJobs: RunJob[] | undefined;
  private readonly inFlight = new Set<number>();
  private readonly keys: KeyWait;
  private readonly host: RunnerHost;
  private readonly sending: JobSending;
  private readonly polling: JobPolling;
  private readonly gate: RequestGate;
  private readonly writes: RunWrites;
  private stopped = false;
  private readonly driving: RunDriving;
  private stopWatchingPage: (() => void) | undefined;

  constructor({ run, initial, secret, ...deps }: RunRunnerDeps) {
    this.runId = run.id;
    this.run = run;
    this.deps = {
      ...deps,
      service: deps.service ?? defaultService(deps.queryClient),
      clock: deps.clock ?? systemClock,
      durations: deps.durations ?? new DurationBook(),
      page: deps.page ?? stayingPage(),
    };
    this.documents = new HeldDocuments(initial?.documents ?? [], (indexes) =>
      this.deps.repository.documents(this.runId, indexes),
    );
    this.initialJobs = initial?.jobs;
    this.keys = new KeyWait(secret, this.feed);
    this.gate = new RequestGate(this.deps.clock);
    this.driving = new RunDriving({
      runId: run.id,
      locks: deps.locks,
      // A run given with its rows was just made here (RunCoordinator.startRun).
      fresh: initial !== undefined,
      drive: (takenOver) => (takenOver ? this.takeOver() : this.load()),
      watching: () => this.feed.set({ elsewhere: true }),
      letGo: () => {
        this.jobs.reset();
        this.feed.notify();
      },
      isStopped: () => this.stopped,
      busy: () => this.inFlight.size > 0 || this.writes.finished.busy || this.jobs.some(isOpenJob),
    });
    this.host = this.makeHost();
    this.sending = new JobSending(this.host, () => this.driving.settle());
    this.polling = new JobPolling(this.host);
    this.writes = new RunWrites({
      runId: run.id,
      repository: this.deps.repository,
      queryClient: this.deps.queryClient,
      jobs: this.jobs,
      storageFull: (message) => this.feed.set({ storageError: message }),
      idle: () => this.driving.settle(),
      defer: (callback) => void this.deps.clock.setTimeout(callback, 0),
      unstored: initial?.store && { jobs: initial.jobs, store: initial.store },
    });
  }

  /** What sending, polling, finishing and cancelling may use of this runner (runner-host.ts). */
  private makeHost(): RunnerHost {
    const { service, clock, page, durations } = this.deps;
    return {
      jobs: this.jobs,
      inFlight: this.inFlight,
      gate: this.gate,
      service,
      clock,
      page,
      durations,
      feed: this.feed,
      keys: this.keys,
      documents: this.documents,
      run: () => this.run,
      isStopped: () => this.stopped,
      drives: () => this.drives,
      stop: () => this.stop(),
      save: (index, patch) => this.writes.job(index, patch),
      throttle: (retryAfterMs) => {
        this.gate.throttle(retryAfterMs);
        this.feed.set({ throttledUntil: this.gate.pausedUntil });
      },
      storeFinished: (entry) => this.writes.finished.add(entry),
      pump: () => this.sending.pump(),
      accepted: (job, submittedAt) => this.polling.accepted(job, submittedAt),
    };
  }

  // --- for the screen -------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => this.feed.subscribe(listener);

  getLive = (): RunLive => this.feed.get();

  /** The run as this runner knows it (its intent changes here first). */
  getRun = (): Run => this.run;

  /** The run's jobs as this runner drives them; undefined while it does not (storage has them). */
  getJobs = (): readonly RunJob[] | undefined => (this.drives ? this.jobs.snapshot() : undefined);

  /** Told of each job's results the moment its last poll answers, before they are stored. */
  onFinished(listener: (finished: FinishedResults) => void): () => void {
    return this.feed.onFinished(listener);
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
    this.feed.set({ elsewhere: false });
    await this.load();
  }

  private async load(): Promise<void> {
    const stored = this.initialJobs ?? (await this.deps.repository.jobs(this.runId));
    this.initialJobs = undefined;
    this.stopWatchingPage ??= this.deps.page.onStayed(() => this.sending.pump());
    const now = this.deps.clock.now();
    const changes = stored.map((job) => ({ job, patch: resumedJob(job, now) }));
    this.driving.driving = true;
    this.jobs.reset(changes.map(({ job, patch }) => (patch ? { ...job, ...patch } : job)));
    for (const { job, patch } of changes) {
      if (patch) await this.writes.job(job.index, patch);
      if (this.jobs.get(job.index)?.state === 'sent') this.polling.schedule(job.index, 0);
    }
    this.sending.pump();
  }

  stop(): void {
    this.stopped = true;
    this.polling.stop();
    this.sending.stop();
    this.stopWatchingPage?.();
    this.driving.stop();
    this.feed.close();
  }

  /**
   * Resolves once the first jobs' POSTs are on the wire, or once nothing is to be sent now (no
   * key, paused, throttled, stopped): a new run's page work waits for it, so that rendering the
   * run does not hold its first request back.
   */
  firstSent(): Promise<void> {
    return this.sending.firstSent();
  }

  /** Resolves once a run given unstored (`initial.store`) is stored; rejects if it could not be. */
  stored(): Promise<void> {
    return this.writes.inserted ?? Promise.resolve();
  }

  /** Resolves once every finished job this runner has shown is stored. */
  flushed(): Promise<void> {
    return this.writes.finished.flushed();
  }

  // --- the user's actions ---------------------------------------------------------------------

  /** The form's key changed: a run that waited for it goes on, by itself. */
  keyChanged(): void {
    if (!this.keys.changed() || !this.drives) return;
    const { stalled } = this.feed.get();
    for (const index of parkedJobs(this.jobs.values(), this.inFlight, stalled))
      this.polling.schedule(index, 0);
    this.sending.pump();
  }

  async setPaused(paused: boolean): Promise<void> {
    if (!(await this.driving.acquire())) return;
    await this.setIntent(paused ? 'paused' : 'run');
    this.sending.pump();
  }

  /** Queued jobs are dropped; sent GA jobs are cancelled on the service (the preview API has none). */
  async cancel(): Promise<void> {
    if (!(await this.driving.acquire())) return;
    await this.setIntent('cancelled');
    await cancelJobs(this.host);
    this.driving.settle();
  }

  /** Sends a job again: refused, failed, expired, or unsure and the user says it did not arrive. */
  async sendAgain(index: number): Promise<void> {
    if (!(await this.driving.acquire())) return;
    // A finished job's write must land before the job is queued again, or it would overwrite it.
    await this.writes.finished.flushed();
    const job = this.jobs.get(index);
    const patch = job && sentAgain(job);
    if (!patch) return;
    await this.writes.job(index, patch);
    if (this.run.intent === 'cancelled') await this.setIntent('run');
    this.sending.pump();
  }

  async resumePolling(index: number): Promise<void> {
    if (!(await this.driving.acquire())) return;
    this.polling.resume(index);
  }

  /** Retry now: the wait the service asked for is cut short, and every waiting request goes. */
  async retryNow(): Promise<void> {
    if (!(await this.driving.acquire())) return;
    this.gate.retryNow();
    this.feed.set({ throttledUntil: 0 });
    this.polling.pollWaitingNow();
    this.sending.pump();
  }

  private async setIntent(intent: Run['intent']): Promise<void> {
    this.run = { ...this.run, intent };
    await this.writes.intent(intent);
  }
}
