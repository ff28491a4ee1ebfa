import type { Clock } from './clock';
import { clampWait } from './job-outcomes';
import { initialPacing, isPaced, retriedNow, takeRequest, throttled, type Pacing } from './pacing';

/**
 * The door every request of a run goes through: it holds each one until pacing (pacing.ts) lets
 * it leave, and Retry now opens it for all of them at once.
 */
export class RequestGate {
  private pacing: Pacing = initialPacing();
  private readonly waits = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  /** Nothing leaves before this: the wait the service asked for (429). */
  get pausedUntil(): number {
    return this.pacing.pausedUntil;
  }

  /** Whether requests are rationed (the service has throttled this run). */
  get scarce(): boolean {
    return isPaced(this.pacing);
  }

  /** Lets one request leave now if pacing allows it (pass() is then not needed). */
  passNow(): boolean {
    const { pacing, waitMs } = takeRequest(this.pacing, this.clock.now());
    if (waitMs !== 0) return false;
    this.pacing = pacing;
    return true;
  }

  /** Resolves when one request may leave, or at once once `stopped()` says so. */
  async pass(stopped: () => boolean): Promise<void> {
    for (;;) {
      const { pacing, waitMs } = takeRequest(this.pacing, this.clock.now());
      this.pacing = pacing;
      if (waitMs === 0 || stopped()) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.clock.clearTimeout(timer);
          this.waits.delete(wake);
          resolve();
        };
        const timer = this.clock.setTimeout(wake, waitMs);
        this.waits.add(wake);
      });
    }
  }

  /** The service answered 429: slow down, and wait what it asked (within bounds). */
  throttle(retryAfterMs: number | undefined): void {
    this.pacing = throttled(this.pacing, clampWait(retryAfterMs), this.clock.now());
  }

  /** Ms until requests may leave again (0 when they may now). */
  waitLeft(): number {
    return Math.max(0, this.pacing.pausedUntil - this.clock.now());
  }

  /** Retry now: the wait is cut short and every waiting request goes. */
  retryNow(): void {
    this.pacing = retriedNow(this.pacing, this.clock.now());
    for (const wake of [...this.waits]) wake();
  }
}
