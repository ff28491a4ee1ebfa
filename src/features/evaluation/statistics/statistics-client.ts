import type { LabelMode } from '../../../service/model';
import { computeStatistics, type Statistics } from './compute-statistics';
import { encodeItems, transferables, type EncodedItems } from './encode-items';
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
  private encoded: EncodedItems | undefined;
  private nextId = 0;
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

  /** The items the next requests are about: encoded here (one pass), handed over without a copy. */
  setItems(items: readonly EvaluationItem[]): void {
    const encoded = encodeItems(items);
    if (!this.worker) {
      this.encoded = encoded;
      return;
    }
    const message: WorkerMessage = { kind: 'items', items: encoded };
    this.worker.postMessage(message, transferables(encoded));
  }

  compute(request: FigureRequest): Promise<Statistics> {
    const id = (this.nextId += 1);
    return new Promise((resolve) => {
      if (this.worker) {
        this.waiting.set(id, resolve);
        const message: WorkerMessage = { kind: 'compute', id, request };
        this.worker.postMessage(message);
        return;
      }
      const items = this.encoded;
      if (items) setTimeout(() => resolve(computeStatistics({ ...request, items })), 0);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.waiting.clear();
  }
}
