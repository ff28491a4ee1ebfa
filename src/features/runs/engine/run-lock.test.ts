import { describe, expect, it, vi } from 'vitest';
import { leaseRun, runLockName } from './run-lock';
import { FakeLocks } from './test-locks';

describe('run locks', () => {
  it('the first tab drives; the next waits, told so, and drives once the first lets go', async () => {
    const locks = new FakeLocks();
    const first = await leaseRun(locks, 'run-1', () => undefined);
    expect(first.waited).toBe(false);
    expect(locks.isHeld(runLockName('run-1'))).toBe(true);
    const onWaiting = vi.fn();
    const second = await leaseRun(locks, 'run-1', onWaiting);
    expect(second.waited).toBe(true);
    expect(onWaiting).toHaveBeenCalledOnce();
    let drives = false;
    void second.driving.then(() => (drives = true));
    await Promise.resolve();
    expect(drives).toBe(false);
    first.release();
    await first.gone;
    await second.driving;
    expect(drives).toBe(true);
    second.release();
    await second.gone;
    expect(locks.isHeld(runLockName('run-1'))).toBe(false);
  });

  it('a tab that stops waiting leaves the queue: the lock goes to the next one', async () => {
    const locks = new FakeLocks();
    const first = await leaseRun(locks, 'run-1', () => undefined);
    const second = await leaseRun(locks, 'run-1', () => undefined);
    const third = await leaseRun(locks, 'run-1', () => undefined);
    second.release();
    first.release();
    await third.driving;
    await expect(second.driving).rejects.toThrow(/aborted/);
  });

  it('runs have locks of their own', async () => {
    const locks = new FakeLocks();
    await leaseRun(locks, 'run-1', () => undefined);
    expect((await leaseRun(locks, 'run-2', () => undefined)).waited).toBe(false);
  });
});
