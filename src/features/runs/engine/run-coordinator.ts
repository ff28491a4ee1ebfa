import type { QueryClient } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import { coalescedFlush, type CoalescedFlush } from '../../../lib/coalesced-flush';
import { delay } from '../../../lib/delay';
import { planBatch } from '../../../service/batching';
import { systemClock, type Clock } from './clock';
import { DurationBook } from './duration-book';
import { newRunRows, type NewRun } from '../store/new-run';
import type { PageLeaving } from './page-leaving';
import { rerunDocuments } from './rerun-documents';
import type { FinishedResults } from './run-live';
import type { RunLockManager } from './run-lock';
import type { Run, RunDocument, RunJob, RunSettings, WholeRun } from '../store/run-model';
import { RunRunner } from './run-runner';
import { isOpenJob } from './run-schedule';
import type { RunSecret, RunService } from './run-service';
import type { RunsRepository } from '../store/runs-repository';
import { runsFeedOf } from '../store/runs-feed';

/** How often, at most, this tab looks for runs another tab started or woke. */
const FOLLOW_EVERY_MS = 1_000;
/**
 * How often, at most, the screen is handed the live runs' jobs: each hand-over renders every job,
 * so a run of many jobs is handed over less often (400 jobs: every 200 ms; at most every second).
 */
export function liveEvery(jobs: number): number {
  return Math.max(50, Math.min(1_000, jobs / 2));
}

/** The longest a new run's first sends hold the screen back (a slow IndexedDB, pacing). */
const FIRST_SEND_WAIT_MS = 1_000;

/** A run as its runner drives it, ahead of storage. */
export interface LiveRun {
  run: Run;
  jobs: readonly RunJob[];
}

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
  private readonly liveListeners = new Set<() => void>();
  private liveSnapshot: ReadonlyMap<string, LiveRun> = new Map();
  /** The live runs' next picture: at most one pending (see liveChanged). */
  private readonly live: CoalescedFlush;
  private liveAt = -Infinity;

  constructor(private readonly deps: RunCoordinatorDeps) {
    this.live = coalescedFlush(this.publishLive, deps.clock ?? systemClock);
  }

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

  /**
   * The runs this page's runners drive, with their jobs as they are in memory: the screen shows
   * these ahead of storage (use-runs.ts). A new map at most every liveEvery() ms.
   */
  subscribeLive = (listener: () => void): (() => void) => {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  };

  getLive = (): ReadonlyMap<string, LiveRun> => this.liveSnapshot;

  /** Told of the run's finished jobs the moment their results arrive, before they are stored. */
  onFinished(runId: string, listener: (finished: FinishedResults) => void): () => void {
    const listeners = this.finishedListeners.get(runId) ?? new Set();
    listeners.add(listener);
    this.finishedListeners.set(runId, listeners);
    return () => listeners.delete(listener);
  }

  private readonly finishedListeners = new Map<string, Set<(finished: FinishedResults) => void>>();

  /** New runs' first sends under way: the live runs are handed out once they are over. */
  private readonly holding = new Set<Promise<void>>();

  private holdLive(sent: Promise<void>): void {
    this.holding.add(sent);
    void sent.then(() => {
      this.holding.delete(sent);
      this.liveChanged();
    });
  }

  /**
   * After a quiet spell the picture goes out in a microtask, not a timer: in the task that changed
   * it, so that React renders it together with the results the same poll brought (one render, not
   * one per source), and still once for all the changes that task made.
   */
  private liveChanged = (): void => {
    if (this.live.pending || this.holding.size > 0) return;
    const clock = this.deps.clock ?? systemClock;
    const jobs = [...this.liveSnapshot.values()].reduce((sum, live) => sum + live.jobs.length, 0);
    this.live.schedule(this.liveAt + liveEvery(jobs) - clock.now());
  };

  private publishLive = (): void => {
    this.liveAt = (this.deps.clock ?? systemClock).now();
    const next = new Map<string, LiveRun>();
    for (const [runId, runner] of this.runners) {
      const jobs = runner.getJobs();
      const known = this.liveSnapshot.get(runId);
      if (!jobs) {
        // Let go of: the last picture stays until the stored rows have caught up with it.
        if (known && this.catchUp(runId)) next.set(runId, known);
        continue;
      }
      this.caughtUp.delete(runId);
      const run = runner.getRun();
      next.set(runId, known?.jobs === jobs && known.run === run ? known : { run, jobs });
    }
    this.liveSnapshot = next;
    for (const listener of this.liveListeners) listener();
  };

  /** Runs whose stored rows are being read again after their runner let go (see liveChanged). */
  private readonly catchingUp = new Set<string>();
  private readonly caughtUp = new Set<string>();

  /** Whether the run's stored rows are still catching up with what its runner showed last. */
  private catchUp(runId: string): boolean {
    if (this.caughtUp.delete(runId)) return false;
    if (!this.catchingUp.has(runId)) {
      this.catchingUp.add(runId);
      void runsFeedOf(this.deps.repository)
        .readNow(runId)
        .finally(() => {
          this.catchingUp.delete(runId);
          this.caughtUp.add(runId);
          this.liveChanged();
        });
    }
    return true;
  }

  private ensure(
    run: Run,
    initial?: {
      jobs: RunJob[];
      documents: RunDocument[];
      store?: (jobs: RunJob[]) => Promise<void>;
    },
  ): RunRunner {
    let runner = this.runners.get(run.id);
    if (!runner) {
      const endpoint = run.settings.endpoint;
      let durations = this.durations.get(endpoint);
      const seeding = !durations;
      durations ??= new DurationBook();
      this.durations.set(endpoint, durations);
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
        ...(initial ? { initial } : {}),
      });
      if (seeding) {
        // Read once the first POSTs have left: these reads would otherwise queue the first job's
        // "sending" mark behind them. The first poll comes later.
        const book = durations;
        void runner
          .firstSent()
          .then(() => book.seed(this.deps.repository, endpoint))
          .catch(() => undefined);
      }
      runner.subscribe(this.liveChanged);
      runner.onFinished((finished) => {
        for (const listener of this.finishedListeners.get(run.id) ?? []) listener(finished);
      });
      this.runners.set(run.id, runner);
      for (const listener of this.listeners) listener();
    }
    return runner;
  }

  /**
   * Every submit lands here. The runner starts from the rows in memory and stores the run itself,
   * in one write with its first jobs' "sending" marks (RunWrites): so the first POST waits for
   * that one write only, and no POST leaves before the run and its mark are stored.
   */
  async startRun(input: NewRun): Promise<Run> {
    const rows = newRunRows(input);
    const runner = this.ensure(rows.run, {
      jobs: rows.jobs,
      documents: rows.documents,
      store: (jobs) => this.deps.repository.insert({ ...rows, jobs }),
    });
    // The screen takes the new run once its first POSTs have left: rendering it costs the page
    // long tasks, which would otherwise stand between each step of the send and hold it back.
    const sent = Promise.race([runner.firstSent(), delay(FIRST_SEND_WAIT_MS)]);
    this.holdLive(sent);
    const started = runner.start();
    try {
      await runner.stored();
    } catch (error) {
      // Not stored (storage full): nothing was sent, and the run is not kept in memory either.
      runner.stop();
      this.runners.delete(rows.run.id);
      this.liveChanged();
      for (const listener of this.listeners) listener();
      throw error;
    }
    await started;
    await sent;
    return rows.run;
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

  /**
   * A run read from a run file. It is stored, never driven: its open jobs were closed by the
   * reader (run-from-file.ts), so nothing here sends or polls them. Replacing a run this page has
   * a runner for lets that runner go first, without a word to the service.
   */
  async importRun(whole: WholeRun, replace: boolean): Promise<void> {
    const runner = this.runners.get(whole.run.id);
    if (replace && runner) {
      runner.stop();
      this.runners.delete(whole.run.id);
      this.liveChanged();
      for (const listener of this.listeners) listener();
    }
    await this.deps.repository.importRun(whole, replace);
  }

  /** Removes the run from this browser (the service's copy expires by itself). */
  async remove(runId: string): Promise<void> {
    const runner = this.runners.get(runId);
    if (runner) {
      await runner.cancel().catch(() => undefined);
      runner.stop();
      this.runners.delete(runId);
      this.liveChanged();
      // Subscribers (useRunLive) let go of the stopped runner.
      for (const listener of this.listeners) listener();
    }
    await this.deps.repository.remove(runId);
  }

  stopAll(): void {
    for (const runner of this.runners.values()) runner.stop();
    this.runners.clear();
    this.live.cancel();
  }
}
