import type { RunLockManager } from './run-lock';

interface Waiter {
  grant: () => void;
}

/**
 * For tests: the Web Locks API as several tabs of one browser share it: exclusive locks by name,
 * granted in request order, `ifAvailable` answered with null when held, a queued request dropped
 * when its signal aborts, and a lock let go when its callback's promise settles.
 */
export class FakeLocks implements RunLockManager {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, Waiter[]>();

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  request: RunLockManager['request'] = (name, options, callback) => {
    if (this.held.has(name) && options.ifAvailable) return callback(null);
    return new Promise((resolve, reject) => {
      const run = () => {
        this.held.add(name);
        callback({ name })
          .then(resolve, reject)
          .finally(() => this.letGo(name));
      };
      if (!this.held.has(name)) return run();
      const waiter: Waiter = { grant: run };
      const queue = this.queues.get(name) ?? [];
      queue.push(waiter);
      this.queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(waiter);
        if (index < 0) return;
        queue.splice(index, 1);
        reject(new DOMException('The request was aborted.', 'AbortError'));
      });
    });
  };

  private letGo(name: string): void {
    this.held.delete(name);
    this.queues.get(name)?.shift()?.grant();
  }
}
