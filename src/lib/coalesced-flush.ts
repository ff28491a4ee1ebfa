/** Where the waits come from: the runs engine's clock (`systemClock`; its tests move it by hand). */
export interface FlushTimer {
  setTimeout: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimeout: (timer: ReturnType<typeof setTimeout>) => void;
}

export interface CoalescedFlush {
  /** A flush is asked for and has not run yet. */
  readonly pending: boolean;
  /**
   * Asks for one flush in `wait` ms, unless one is pending (its time stands). A wait of 0 flushes
   * in a microtask: still in the task that made the change, so React renders it together with
   * whatever else that task changed, yet once for all of its changes.
   */
  schedule: (wait: number) => void;
  /** Drops the pending flush, if any. */
  cancel: () => void;
}

/**
 * Many changes, one flush: what a live picture uses to go out at most so often (the run
 * coordinator's live runs, a run's results feed).
 */
export function coalescedFlush(flush: () => void, timer: FlushTimer): CoalescedFlush {
  let pending = false;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    // Cancelled after its microtask was queued: nothing to do.
    if (!pending) return;
    pending = false;
    handle = undefined;
    flush();
  };
  return {
    get pending() {
      return pending;
    },
    schedule(wait) {
      if (pending) return;
      pending = true;
      if (wait <= 0) queueMicrotask(run);
      else handle = timer.setTimeout(run, wait);
    },
    cancel() {
      if (handle !== undefined) timer.clearTimeout(handle);
      handle = undefined;
      pending = false;
    },
  };
}
