import type { QueryClient } from '@tanstack/react-query';
import { ServiceError } from '../../service/errors';
import type { Credentials } from '../../service/http';
import { cancelJob, failureOf, submitJob, type JobPoll } from '../../service/jobs';
import { canCancel } from '../../service/api-profiles';
import { isFinished, type JobInput } from '../../service/model';
import { DurationBook } from './duration-book';
import { predictivePollDelay } from './job-duration';
import { jobKeys, jobPollOptions } from './job-query';
import { nextPollDelay } from '../../service/polling';
import { initialPacing, isPaced, takeRequest, throttled, type Pacing } from './pacing';
import type { JobFailure, Run, RunJob, RunResult } from './run-model';
import {
  afterFinish,
  isPastRetention,
  jobsToSend,
  reopenedJob,
  START_CONCURRENCY,
} from './run-schedule';
import { StorageFullError, type RunsRepository } from './runs-repository';

/** The secret a run's calls carry: a key, or an access token (`scheme: 'bearer'`). Never stored. */
export type RunSecret = Pick<Credentials, 'key' | 'scheme'>;

/** The service calls a run makes; injected so that tests and scripts can stand in for them. */
export interface RunService {
  submit: (input: JobInput, secret: RunSecret) => Promise<string>;
  poll: (jobUrl: string, credentials: Credentials) => Promise<JobPoll>;
  cancel: (jobUrl: string, credentials: Credentials) => Promise<void>;
}

export interface Clock {
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimeout: (timer: ReturnType<typeof setTimeout>) => void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer),
};

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
}

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
}

function defaultService(queryClient: QueryClient): RunService {
  return {
    submit: submitJob,
    poll: (jobUrl, credentials) => queryClient.query(jobPollOptions(jobUrl, credentials)),
    cancel: cancelJob,
  };
}

/** The service's own measure of a job: created → last update, in ms; undefined if unreadable. */
function serviceDuration(
  createdAt: string | undefined,
  updatedAt: string | undefined,
): number | undefined {
  if (!createdAt || !updatedAt) return undefined;
  const duration = Date.parse(updatedAt) - Date.parse(createdAt);
  return Number.isFinite(duration) && duration > 0 ? duration : undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function storableFailure(error: unknown): JobFailure | undefined {
  if (!(error instanceof ServiceError)) return undefined;
  return {
    kind: error.kind,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.problem ? { problem: error.problem } : {}),
  };
}

/** A submission whose answer never came: the POST may have reached the service. */
function mayHaveArrived(error: unknown): boolean {
  return error instanceof ServiceError && (error.kind === 'network' || error.kind === 'timeout');
}

interface Finished {
  index: number;
  poll: JobPoll;
}

/**
 * One run's process: sends its queued jobs (paced to the rate the service allows, and within a concurrency that grows as jobs finish,
 * throttling), polls the sent ones through the QueryClient, and saves every result. It is created
 * per run with what it needs; its decisions are the pure functions of run-schedule.ts and pacing.ts.
 */
export class RunRunner {
  readonly runId: string;
  private run: Run;
  private readonly deps: Required<Omit<RunRunnerDeps, 'run'>>;
  private jobs = new Map<number, RunJob>();
  private inFlight = new Set<number>();
  /** Polls each job has had, for the predictive schedule. */
  private polls = new Map<number, number>();
  private timers = new Map<number, ReturnType<typeof setTimeout>>();
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private toSave: Finished[] = [];
  private pacing: Pacing = initialPacing();
  private concurrency = START_CONCURRENCY;
  private live: RunLive;
  private listeners = new Set<() => void>();
  private stopped = false;
  /** The one finished job whose answer stays in the query cache (see dropCachedPolls). */
  private lastCachedUrl: string | undefined;
  /** The key or token the service refused last; another one lifts the wait. */
  private refusedSecret: string | undefined;
  private started: Promise<void> | undefined;

  constructor({ run, ...deps }: RunRunnerDeps) {
    this.runId = run.id;
    this.run = run;
    this.deps = {
      ...deps,
      service: deps.service ?? defaultService(deps.queryClient),
      clock: deps.clock ?? systemClock,
      durations: deps.durations ?? new DurationBook(),
    };
    this.live = {
      concurrency: START_CONCURRENCY,
      throttledUntil: 0,
      waitingForKey: false,
      stalled: new Map(),
      storageError: undefined,
      authRefused: undefined,
    };
  }

  // --- for the UI ---------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getLive = (): RunLive => this.live;

  private setLive(patch: Partial<RunLive>): void {
    this.live = { ...this.live, ...patch };
    for (const listener of this.listeners) listener();
  }

  // --- life -----------------------------------------------------------------------------------

  /** Loads the run's jobs as stored and carries on from there: a reload lands here too. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  private async load(): Promise<void> {
    const now = this.deps.clock.now();
    for (const job of await this.deps.repository.jobs(this.runId)) {
      const patch = reopenedJob(job) ?? this.expiredPatch(job, now);
      const current = patch ? { ...job, ...patch } : job;
      this.jobs.set(job.index, current);
      if (patch) await this.save(job.index, patch);
      if (current.state === 'sent') this.schedulePoll(current.index, 0);
    }
    this.pump();
  }

  /** Read through a call: a stop can happen during any await. */
  private isStopped(): boolean {
    return this.stopped;
  }

  /** Read through a call too: the user can pause or cancel during any await. */
  private intentNow(): Run['intent'] {
    return this.run.intent;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) this.deps.clock.clearTimeout(timer);
    this.timers.clear();
    if (this.pumpTimer) this.deps.clock.clearTimeout(this.pumpTimer);
    if (this.saveTimer) this.deps.clock.clearTimeout(this.saveTimer);
    void this.flush();
    this.listeners.clear();
  }

  /** The form's key changed: a run that waited for it goes on, by itself. */
  keyChanged(): void {
    if (!this.usableSecret()) return;
    this.refusedSecret = undefined;
    this.setLive({ waitingForKey: false, authRefused: undefined });
    for (const job of this.jobs.values()) {
      // Only parked jobs: one whose poll is under way has no timer but is in flight.
      if (
        job.state === 'sent' &&
        !this.inFlight.has(job.index) &&
        !this.live.stalled.has(job.index)
      )
        this.schedulePoll(job.index, 0);
    }
    this.pump();
  }

  async setPaused(paused: boolean): Promise<void> {
    await this.setIntent(paused ? 'paused' : 'run');
    this.pump();
  }

  /** Queued jobs are dropped; sent GA jobs are cancelled on the service (the preview API has none). */
  async cancel(): Promise<void> {
    await this.setIntent('cancelled');
    for (const job of this.jobs.values()) {
      if (job.state === 'queued') await this.save(job.index, { state: 'cancelled' });
    }
    await this.cancelOnService([...this.jobs.values()].filter((job) => job.state === 'sent'));
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

  resumePolling(index: number): void {
    const stalled = new Map(this.live.stalled);
    stalled.delete(index);
    this.setLive({ stalled });
    this.schedulePoll(index, 0);
  }

  // --- sending --------------------------------------------------------------------------------

  private pump(): void {
    if (this.stopped || this.run.intent !== 'run' || this.live.storageError) return;
    const key = this.usableSecret();
    const queued = [...this.jobs.values()].some((job) => job.state === 'queued');
    if (!key) {
      if (queued || this.hasSentJobs()) this.setLive({ waitingForKey: true });
      return;
    }
    const choice = jobsToSend([...this.jobs.values()], {
      inFlight: this.inFlight.size,
      concurrency: this.concurrency,
      paused: false,
      hasKey: true,
    });
    for (const index of choice) void this.send(index, key);
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

  private hasSentJobs(): boolean {
    return [...this.jobs.values()].some((job) => job.state === 'sent');
  }

  private schedulePump(ms: number): void {
    if (this.pumpTimer) this.deps.clock.clearTimeout(this.pumpTimer);
    this.pumpTimer = this.deps.clock.setTimeout(() => {
      this.pumpTimer = undefined;
      this.pump();
    }, ms);
  }

  /** Waits until pacing lets one request leave. */
  private async paced(): Promise<void> {
    for (;;) {
      const { pacing, waitMs } = takeRequest(this.pacing, this.deps.clock.now());
      this.pacing = pacing;
      if (waitMs === 0 || this.stopped) return;
      await new Promise<void>((resolve) => this.deps.clock.setTimeout(resolve, waitMs));
    }
  }

  private throttle(retryAfterMs: number | undefined): void {
    const now = this.deps.clock.now();
    this.pacing = throttled(this.pacing, retryAfterMs, now);
    this.setLive({ throttledUntil: this.pacing.pausedUntil });
  }

  private async send(index: number, key: RunSecret): Promise<void> {
    const job = this.jobs.get(index);
    if (!job) return;
    this.inFlight.add(index);
    // Claimed in memory only while it waits for pacing: a reload then finds it queued, not unsure.
    this.jobs.set(index, { ...job, state: 'sending' });
    try {
      const documents = await this.deps.repository.documents(this.runId, job.documentIndexes);
      await this.paced();
      if (this.stopped) return;
      if (this.run.intent !== 'run') {
        // Paused or cancelled while it waited: nothing left.
        this.inFlight.delete(index);
        return await this.save(index, {
          state: this.run.intent === 'cancelled' ? 'cancelled' : 'queued',
        });
      }
      // Stored before the POST leaves: a reload from here on finds the job `sending`, so `unsure`.
      await this.save(index, { state: 'sending', error: undefined });
      if (this.isStopped()) return;
      const {
        endpoint,
        apiVersion,
        labelMode,
        projectName,
        deploymentName,
        modelId,
        language,
        jobName,
      } = this.run.settings;
      const submittedAt = this.deps.clock.now();
      const jobUrl = await this.deps.service.submit(
        {
          endpoint,
          apiVersion,
          labelMode,
          projectName,
          deploymentName,
          modelId,
          language,
          jobName,
          documents: documents.map(({ id, text, language: own }) => ({
            id,
            text,
            ...(own ? { language: own } : {}),
          })),
        },
        key,
      );
      await this.save(index, { state: 'sent', jobUrl, submittedAt });
      // Cancelled while the POST was on its way: the service accepted it, so cancel it there too.
      if (this.intentNow() === 'cancelled') void this.cancelOnService([{ ...job, jobUrl }]);
      this.schedulePoll(index, this.pollWait(job, this.deps.clock.now() - submittedAt));
    } catch (error) {
      this.inFlight.delete(index);
      if (error instanceof StorageFullError) return this.storageFull(error);
      if (this.stopped) return;
      // A refused key: the service accepted nothing; the job waits in the queue for another key.
      if (error instanceof ServiceError && error.status === 401) {
        this.authRefused(error, key);
        await this.save(index, { state: 'queued' });
        return;
      }
      // Only a 429 is sent again by itself: the service then accepted nothing, so no job is doubled.
      if (error instanceof ServiceError && error.status === 429) {
        this.throttle(error.retryAfterMs);
        await this.save(index, { state: 'queued' });
        this.schedulePump(Math.max(0, this.pacing.pausedUntil - this.deps.clock.now()));
        return;
      }
      await this.save(index, {
        state: mayHaveArrived(error) ? 'unsure' : 'refused',
        error: describeError(error),
        failure: storableFailure(error),
      });
      this.pump();
    }
  }

  // --- polling --------------------------------------------------------------------------------

  private schedulePoll(index: number, ms: number): void {
    if (this.stopped) return;
    this.inFlight.add(index);
    const existing = this.timers.get(index);
    if (existing) this.deps.clock.clearTimeout(existing);
    this.timers.set(
      index,
      this.deps.clock.setTimeout(() => {
        this.timers.delete(index);
        void this.poll(index);
      }, ms),
    );
  }

  private async poll(index: number): Promise<void> {
    const job = this.jobs.get(index);
    if (!job?.jobUrl || job.state !== 'sent' || this.stopped) return;
    const now = this.deps.clock.now();
    const expired = this.expiredPatch(job, now);
    if (expired) {
      this.inFlight.delete(index);
      await this.save(index, expired);
      return this.pump();
    }
    const key = this.usableSecret();
    if (!key) {
      // Parked: keyChanged() picks it up again.
      this.inFlight.delete(index);
      this.setLive({ waitingForKey: true });
      return;
    }
    await this.paced();
    if (this.isStopped()) return;
    let poll: JobPoll;
    try {
      poll = await this.deps.service.poll(job.jobUrl, {
        endpoint: this.run.settings.endpoint,
        ...key,
      });
    } catch (error) {
      if (this.isStopped()) return;
      if (error instanceof ServiceError && error.status === 429) {
        this.throttle(error.retryAfterMs);
        return this.schedulePoll(
          index,
          Math.max(0, this.pacing.pausedUntil - this.deps.clock.now()),
        );
      }
      this.inFlight.delete(index);
      // Parked like a job without a key (an expired token, say): a new one picks it up again.
      if (error instanceof ServiceError && error.status === 401)
        return this.authRefused(error, key);
      if (error instanceof ServiceError && error.status === 404) {
        await this.save(index, {
          state: 'expired',
          failure: storableFailure(error),
          error:
            'The service no longer has this job: it expired (results are kept 24 hours) or is gone.',
        });
        return this.pump();
      }
      const stalled = new Map(this.live.stalled);
      stalled.set(index, error instanceof Error ? error : new Error(describeError(error)));
      this.setLive({ stalled });
      return this.pump();
    }
    if (this.isStopped()) return;
    const { snapshot } = poll;
    if (snapshot.status !== job.status || snapshot.jobId !== job.jobId) {
      await this.save(index, { status: snapshot.status, jobId: snapshot.jobId });
    }
    this.polls.set(index, (this.polls.get(index) ?? 0) + 1);
    if (!isFinished(snapshot.phase)) {
      const elapsed = this.deps.clock.now() - (job.submittedAt ?? now);
      return this.schedulePoll(index, this.pollWait(job, elapsed, poll.retryAfterMs));
    }
    this.inFlight.delete(index);
    // Finished from here on (saved with its results at the next flush): never polled again.
    this.jobs.set(index, { ...job, state: 'finished' });
    this.concurrency = afterFinish(this.concurrency);
    this.setLive({ concurrency: this.concurrency });
    this.toSave.push({ index, poll });
    this.scheduleSave();
    this.pump();
  }

  /** The next poll: around the expected end when durations are known, else the usual schedule. */
  private pollWait(job: RunJob, elapsedMs: number, retryAfterMs?: number): number {
    const expected = this.deps.durations.predict(job.documentIndexes.length, job.characters ?? 0);
    return predictivePollDelay(elapsedMs, expected, {
      polls: this.polls.get(job.index) ?? 0,
      fallback: (elapsed) => nextPollDelay(elapsed),
      retryAfterMs,
      requestsScarce: isPaced(this.pacing),
    });
  }

  private expiredPatch(job: RunJob, now: number): Partial<RunJob> | undefined {
    if (job.state !== 'sent' || !isPastRetention(job.submittedAt, now)) return undefined;
    return {
      state: 'expired',
      error: 'The job did not finish within the 24 hours the service keeps it; it was given up.',
    };
  }

  // --- saving ---------------------------------------------------------------------------------

  /**
   * Results are saved at once, so they show without delay; jobs that finish while a save is being
   * written wait for it and go together in the next one, so many results make few transactions.
   */
  private scheduleSave(): void {
    if (this.saveTimer || this.saving) return;
    this.saveTimer = this.deps.clock.setTimeout(() => {
      this.saveTimer = undefined;
      this.saving = this.flush().finally(() => {
        this.saving = undefined;
        if (this.toSave.length > 0) this.scheduleSave();
      });
    }, 0);
  }

  /** Saves finished jobs and their results, many in one transaction. */
  private async flush(): Promise<void> {
    const batch = this.toSave;
    this.toSave = [];
    if (batch.length === 0) return;
    const entries = [];
    for (const { index, poll } of batch) {
      const job = this.jobs.get(index);
      if (!job) continue;
      const documents = await this.deps.repository.documents(this.runId, job.documentIndexes);
      const indexById = new Map(documents.map((document) => [document.id, document.index]));
      const results: Omit<RunResult, 'runId'>[] = [];
      for (const result of poll.snapshot.documents) {
        const documentIndex = indexById.get(result.id);
        // Results for ids this job never sent, or a second result for one id, are not the run's.
        if (documentIndex === undefined) continue;
        indexById.delete(result.id);
        results.push({ ...result, index: documentIndex });
      }
      const { snapshot } = poll;
      const outcome =
        snapshot.phase === 'done'
          ? 'done'
          : snapshot.phase === 'cancelled'
            ? 'cancelled'
            : 'failed';
      const failedDocuments = results.filter((result) => result.error).length + indexById.size;
      const [firstError] = snapshot.errors;
      const serviceDurationMs = serviceDuration(snapshot.createdAt, snapshot.updatedAt);
      if (outcome === 'done' && serviceDurationMs !== undefined) {
        this.deps.durations.add({
          documents: job.documentIndexes.length,
          characters: job.characters ?? 0,
          durationMs: serviceDurationMs,
        });
      }
      const patch: Partial<RunJob> = {
        state: 'finished',
        outcome,
        status: snapshot.status,
        jobId: snapshot.jobId,
        finishedAt: this.deps.clock.now(),
        serviceDurationMs,
        failedDocuments,
        failure: storableFailure(failureOf(snapshot)),
        resultsCut: poll.truncated
          ? { pages: poll.pages, ...(poll.truncatedBy ? { truncatedBy: poll.truncatedBy } : {}) }
          : undefined,
        error:
          outcome === 'done'
            ? undefined
            : (firstError?.innerMessage ?? firstError?.message ?? `The job ${snapshot.status}.`),
      };
      this.jobs.set(index, { ...job, ...patch });
      entries.push({ index, patch, results });
    }
    try {
      await this.deps.repository.finishJobs(this.runId, entries);
    } catch (error) {
      if (error instanceof StorageFullError) this.storageFull(error);
      else throw error;
      return;
    }
    this.dropCachedPolls(batch.map(({ index }) => this.jobs.get(index)?.jobUrl));
  }

  /**
   * Saved results are IndexedDB's from now on: the cached answers (raw bodies and all) would only
   * hold memory, thousands of them in a big run. The last one stays, for the raw view.
   */
  private dropCachedPolls(saved: (string | undefined)[]): void {
    const urls = saved.filter((url): url is string => url !== undefined);
    const last = urls.pop();
    if (last === undefined) return;
    for (const url of [this.lastCachedUrl, ...urls]) {
      if (url) this.deps.queryClient.removeQueries({ queryKey: jobKeys.detail(url), exact: true });
    }
    this.lastCachedUrl = last;
  }

  private storageFull(error: StorageFullError): void {
    this.setLive({ storageError: error.message });
  }

  private async setIntent(intent: Run['intent']): Promise<void> {
    this.run = { ...this.run, intent };
    await this.deps.repository.setIntent(this.runId, intent);
  }

  private async save(index: number, patch: Partial<RunJob>): Promise<void> {
    const job = this.jobs.get(index);
    if (job) this.jobs.set(index, { ...job, ...patch });
    try {
      await this.deps.repository.updateJob(this.runId, index, patch);
    } catch (error) {
      if (error instanceof StorageFullError) this.storageFull(error);
      throw error;
    }
  }
}
