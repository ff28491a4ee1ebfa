import type { LabelMode } from '../../../service/model';
import { computeStatistics, type Statistics } from './compute-statistics';
import { yieldToPage } from '../../../lib/yield-to-page';
import { encodeItemsSliced, transferables, type EncodedItems } from './encode-items';
import type { EvaluationItem } from '../evaluation-item';

interface FigureRequest {
  labelMode: LabelMode;
  threshold: number;
  paired?: Uint8Array;
}

export type WorkerMessage =
  { kind: 'items'; items: EncodedItems } | { kind: 'compute'; id: number; request: FigureRequest };

interface WorkerAnswer {
  id: number;
  statistics: Statistics;
}

/**
 * Computes a run's statistics in a worker, one answer per request, the newest winning. Where there
 * is no Worker (unit tests), it computes in a task of its own on this thread.
 */
export class StatisticsClient {
  private worker: Worker | undefined;
  /** The items of the next requests, once encoded (and, with a worker, posted to it). */
  private encoded: Promise<EncodedItems | undefined> = Promise.resolve(undefined);
  private nextId = 0;
  private generation = 0;
  private waiting = new Map<number, (statistics: Statistics) => void>();

  constructor() {
    if (typeof Worker === 'undefined') return;
    this.worker = new Worker(new URL('./statistics.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      answer?.(event.data.statistics);
    };
  }

  /**
   * The items the next requests are about: encoded here a slice per task (100,000 documents would
   * hold the page for one long task otherwise), then handed over without a copy.
   */
  setItems(items: readonly EvaluationItem[]): void {
    const generation = (this.generation += 1);
    this.encoded = encodeItemsSliced(items, yieldToPage).then((encoded) => {
      // Newer items came while these were encoded: the worker must never get these after those.
      if (generation !== this.generation) return undefined;
      if (this.worker) {
        const message: WorkerMessage = { kind: 'items', items: encoded };
        this.worker.postMessage(message, transferables(encoded));
      }
      return encoded;
    });
  }

  /** Sent after the items of the last setItems, so the worker always answers about those. */
  async compute(request: FigureRequest): Promise<Statistics | undefined> {
    const id = (this.nextId += 1);
    const items = await this.encoded;
    if (!items) return undefined;
    return new Promise((resolve) => {
      if (this.worker) {
        this.waiting.set(id, resolve);
        const message: WorkerMessage = { kind: 'compute', id, request };
        this.worker.postMessage(message);
        return;
      }
      setTimeout(() => resolve(computeStatistics({ ...request, items })), 0);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.waiting.clear();
  }
}
