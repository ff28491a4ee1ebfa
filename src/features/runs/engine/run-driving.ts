import { leaseRun, type RunLease, type RunLockManager } from './run-lock';

export interface RunDrivingHooks {
  runId: string;
  /** None: this tab drives its runs (no Web Locks). */
  locks: RunLockManager | undefined;
  /** This tab now drives the run: load its jobs and carry on (`takenOver`: from another tab). */
  drive: (takenOver: boolean) => Promise<void>;
  /** Another tab drives the run: this one watches it. */
  watching: () => void;
  /** This tab no longer drives the run. */
  letGo: () => void;
  isStopped: () => boolean;
  /** Something is left to send, poll or store. */
  busy: () => boolean;
  /**
   * A run made in this page a moment ago: no other tab can know of it yet, so its first start
   * drives it at once and takes its lock meanwhile (see begin()).
   */
  fresh?: boolean;
}

/**
 * Whether this tab drives a run, with the run's Web Lock (run-lock.ts): asked for on start, let
 * go once nothing is left to do, asked for again when the user acts on the run.
 */
export class RunDriving {
  /** This tab sends and polls the run's jobs (it holds the run's lock, or there are no locks). */
  driving = false;
  private lease: RunLease | undefined;
  private leaseGone: Promise<void> = Promise.resolve();
  /** User actions under way that may need the run driven (see acquire()). */
  private acting = 0;
  private started: Promise<void> | undefined;
  private fresh: boolean;

  constructor(private readonly hooks: RunDrivingHooks) {
    this.fresh = hooks.fresh ?? false;
  }

  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  /** Driving the run, or watching another tab drive it; not once it let go. */
  get active(): boolean {
    return this.started !== undefined;
  }

  /** Whether it may let go now: it holds a lock, and no user action is under way. */
  private get mayLetGo(): boolean {
    return this.lease !== undefined && this.driving && this.acting === 0;
  }

  private async begin(): Promise<void> {
    const { locks, runId } = this.hooks;
    if (!locks) return this.drive(false);
    if (this.fresh) {
      this.fresh = false;
      // Its first POST need not wait for the lock manager (a round trip to the browser, behind
      // whatever the page is rendering): the lock is asked for now, before any other tab can learn
      // of the run from storage and ask for it, so it is this tab's.
      void leaseRun(locks, runId, () => undefined).then(
        (lease) => {
          if (this.hooks.isStopped() || !this.driving) return lease.release();
          this.lease = lease;
          // Everything may have been done before the lock came.
          this.settle();
        },
        () => undefined,
      );
      return this.drive(false);
    }
    // A lock this runner let go a moment ago may not be free yet: asked for now, it would seem taken.
    await this.leaseGone;
    const lease = await leaseRun(locks, runId, this.hooks.watching);
    if (this.hooks.isStopped()) return lease.release();
    this.lease = lease;
    if (!lease.waited) return this.drive(false);
    void lease.driving.then(
      () => (this.hooks.isStopped() ? undefined : this.drive(true)),
      () => undefined,
    );
  }

  /** `driving` is set by the runner once the jobs are in memory (an empty list is never shown). */
  private drive(takenOver: boolean): Promise<void> {
    return this.hooks.drive(takenOver);
  }

  /**
   * For the user's actions: drives the run again if it had let go of it (nothing was left then),
   * unless another tab drives it now. Nothing lets go meanwhile, so the action finds it driven.
   */
  async acquire(): Promise<boolean> {
    if (this.driving || this.hooks.isStopped()) return this.driving;
    this.acting++;
    try {
      await this.start();
    } finally {
      this.acting--;
    }
    return this.driving;
  }

  /**
   * Nothing left to send, poll or store: the run's lock goes, so that another tab can act on the
   * run (Send again there, say) and this one drives it again only when asked (acquire()).
   */
  settle(): void {
    if (!this.mayLetGo || this.hooks.isStopped() || this.hooks.busy()) return;
    this.letGo();
  }

  letGo(): void {
    this.lease?.release();
    if (this.lease) this.leaseGone = this.lease.gone;
    this.lease = undefined;
    this.driving = false;
    this.started = undefined;
    this.hooks.letGo();
  }

  stop(): void {
    this.lease?.release();
    this.lease = undefined;
  }
}
