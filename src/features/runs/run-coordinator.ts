import type { QueryClient } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import { planBatch } from '../../service/batching';
import type { Run, RunSettings } from './run-model';
import { DurationBook } from './duration-book';
import { rerunDocuments } from './rerun-documents';
import { RunRunner, type Clock, type RunSecret, type RunService } from './run-runner';
import type { PageLeaving } from './page-leaving';
import type { RunLockManager } from './run-lock';
import { isOpenJob } from './run-schedule';
import type { NewRun, RunsRepository } from './runs-repository';

/** How often, at most, this tab looks for runs another tab started or woke. */
const FOLLOW_EVERY_MS = 1_000;

export interface RunCoordinatorDeps {
  repository: RunsRepository;
  queryClient: QueryClient;
  /** The key or token the form holds for this endpoint (as the browser calls it), if any. */
  secretFor: (endpoint: string) => RunSecret | undefined;
  service?: RunService;
  clock?: Clock;
  /** The tabs' lock manager (`navigator.locks`), so that one tab drives each run; none: this tab does. */
  locks?: RunLockManager | undefined;
  /** Whether the page is unloading (no POST starts then). */
  page?: PageLeaving;
}

/**
 * The runs of this page: starts a runner per run that still has work, and hands each the key
 * when the form has it. One per app (created in app/, passed down by context), never a module
 * singleton, so tests and scripts make their own.
 */
export class RunCoordinator {
  private readonly runners = new Map<string, RunRunner>();
  private readonly listeners = new Set<() => void>();
  /** Per endpoint: what this browser has learnt of its job durations. */
  private readonly durations = new Map<string, DurationBook>();

  constructor(private readonly deps: RunCoordinatorDeps) {}

  get repository(): RunsRepository {
    return this.deps.repository;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  runner(runId: string): RunRunner | undefined {
    return this.runners.get(runId);
  }

  private ensure(run: Run): RunRunner {
    let runner = this.runners.get(run.id);
    if (!runner) {
      const endpoint = run.settings.endpoint;
      let durations = this.durations.get(endpoint);
      if (!durations) {
        durations = new DurationBook();
        this.durations.set(endpoint, durations);
        void durations.seed(this.deps.repository, endpoint).catch(() => undefined);
      }
      runner = new RunRunner({
        durations,
        run,
        repository: this.deps.repository,
        queryClient: this.deps.queryClient,
        secret: () => this.deps.secretFor(endpoint),
        ...(this.deps.service ? { service: this.deps.service } : {}),
        ...(this.deps.clock ? { clock: this.deps.clock } : {}),
        ...(this.deps.locks ? { locks: this.deps.locks } : {}),
        ...(this.deps.page ? { page: this.deps.page } : {}),
      });
      this.runners.set(run.id, runner);
      for (const listener of this.listeners) listener();
    }
    return runner;
  }

  /** Every submit lands here: the run is stored first, then sent. */
  async startRun(input: NewRun): Promise<Run> {
    const run = await this.deps.repository.create(input);
    await this.ensure(run).start();
    return run;
  }

  /**
   * After a reload: every run with work left carries on where it was (or, with locks, is watched
   * while another tab drives it). With locks, runs another tab starts later are watched too.
   */
  async resumeAll(): Promise<void> {
    for (const run of await this.deps.repository.list()) {
      if (this.runners.get(run.id)?.active || this.seen.has(run.id)) continue;
      this.seen.add(run.id);
      const jobs = await this.deps.repository.jobs(run.id);
      const unfinished = jobs.some((job) => isOpenJob(job));
      if (unfinished) await this.ensure(run).start();
    }
    this.followOtherTabs();
  }

  /** Runs already looked at: only new ones are read when another tab adds a run. */
  private readonly seen = new Set<string>();

  private following = false;

  /** A run added in another tab is watched here, ready to take it over. */
  private followOtherTabs(): void {
    if (this.following || !this.deps.locks) return;
    this.following = true;
    const runsTable = `idb://${this.deps.repository.db.name}/runs`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    Dexie.on.storagemutated.subscribe((parts) => {
      const touched = Object.keys(parts).some((part) => part.startsWith(runsTable));
      if (!touched || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void this.resumeAll().catch(() => undefined);
      }, FOLLOW_EVERY_MS);
    });
  }

  /**
   * The run's runner, made if it has none, for a user's action (Send again, Resume polling, …):
   * the action itself drives the run (RunRunner.acquire), unless another tab does.
   */
  async wake(runId: string): Promise<RunRunner | undefined> {
    const run = await this.deps.repository.get(runId);
    if (!run) return undefined;
    return this.ensure(run);
  }

  keyChanged(): void {
    for (const runner of this.runners.values()) runner.keyChanged();
  }

  /** The same documents, sent with other settings (another deployment, say). */
  async rerun(runId: string, settings: RunSettings): Promise<Run | undefined> {
    const source = await this.deps.repository.get(runId);
    if (!source) return undefined;
    const [stored, corrections] = await Promise.all([
      this.deps.repository.documents(runId),
      this.deps.repository.corrections(runId),
    ]);
    const documents = rerunDocuments(stored, corrections);
    return this.startRun({
      settings,
      documents,
      plan: planBatch(documents),
      source: source.source,
    });
  }

  /** Removes the run from this browser (the service's copy expires by itself). */
  async remove(runId: string): Promise<void> {
    const runner = this.runners.get(runId);
    if (runner) {
      await runner.cancel().catch(() => undefined);
      runner.stop();
      this.runners.delete(runId);
      // Subscribers (useRunLive) let go of the stopped runner.
      for (const listener of this.listeners) listener();
    }
    await this.deps.repository.remove(runId);
  }

  stopAll(): void {
    for (const runner of this.runners.values()) runner.stop();
    this.runners.clear();
  }
}
