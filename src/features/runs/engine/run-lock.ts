/**
 * One tab drives a run: it holds the run's Web Lock for as long as it drives it, so a closed or
 * crashed tab releases it by itself, and a tab queued on the lock takes over. The lock manager is
 * injected (tests and scripts give their own); without one (no `navigator.locks`), every tab drives
 * its runs as it always did.
 */

/** The part of the Web Locks API (`navigator.locks`) a run needs. */
export interface RunLockManager {
  request: (
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown>,
  ) => Promise<unknown>;
}

export function runLockName(runId: string): string {
  return `classify-run:${runId}`;
}

/** The page's lock manager, when the browser has one. */
export function browserLocks(): RunLockManager | undefined {
  // Older browsers (and Node) have no `navigator.locks`: their tabs drive runs as before.
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return undefined;
  return navigator.locks;
}

export interface RunLease {
  /** Resolves once this tab drives the run: at once, or when the tab driving it goes away. */
  driving: Promise<void>;
  /** Whether another tab drove the run when the lease was asked for. */
  waited: boolean;
  /** Lets the lock go (or stops waiting for it). */
  release: () => void;
  /** Resolves once the lock manager has let the lock go (a new request can then have it). */
  gone: Promise<void>;
}

/**
 * Asks for the run's lock: when it is free, this tab drives at once; when another tab holds it,
 * `onWaiting` is called and the lease waits in the lock's queue until that tab lets go.
 */
export async function leaseRun(
  locks: RunLockManager,
  runId: string,
  onWaiting: () => void,
): Promise<RunLease> {
  const name = runLockName(runId);
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let first: Promise<unknown> = Promise.resolve();
  const gotAtOnce = await new Promise<boolean>((resolve, reject) => {
    first = locks.request(name, { ifAvailable: true }, async (lock) => {
      resolve(lock !== null);
      if (lock !== null) await released;
    });
    first.catch(reject);
  });
  const settled = (request: Promise<unknown>) =>
    request.then(
      () => undefined,
      () => undefined,
    );
  if (gotAtOnce)
    return { driving: Promise.resolve(), waited: false, release, gone: settled(first) };
  onWaiting();
  const abort = new AbortController();
  let queued: Promise<unknown> = Promise.resolve();
  const driving = new Promise<void>((resolve, reject) => {
    queued = locks.request(name, { signal: abort.signal }, async () => {
      resolve();
      await released;
    });
    queued.catch(reject);
  });
  return {
    driving,
    waited: true,
    gone: settled(queued),
    release: () => {
      abort.abort();
      release();
    },
  };
}
