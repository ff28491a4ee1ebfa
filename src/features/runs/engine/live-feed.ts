import { IDLE_LIVE, type FinishedResults, type RunLive } from './run-live';
import { START_CONCURRENCY } from './run-schedule';

/**
 * What a runner tells the screen (through useSyncExternalStore): what it is doing now (RunLive,
 * gone with the page), that the jobs it drives changed, and each job's results the moment its
 * last poll answers, before they are stored.
 */
export class LiveFeed {
  private live: RunLive = { ...IDLE_LIVE, concurrency: START_CONCURRENCY };
  private readonly listeners = new Set<() => void>();
  private readonly finishedListeners = new Set<(finished: FinishedResults) => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): RunLive => this.live;

  set(patch: Partial<RunLive>): void {
    this.live = { ...this.live, ...patch };
    this.notify();
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  onFinished(listener: (finished: FinishedResults) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  finished(finished: FinishedResults): void {
    for (const listener of this.finishedListeners) listener(finished);
  }

  /** The runner stopped: nobody is told anything more. */
  close(): void {
    this.listeners.clear();
    this.finishedListeners.clear();
  }
}
