import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type BatchJobState = 'queued' | 'submitting' | 'submitted' | 'rejected' | 'cancelled';

/** One job of a batch, as this browser knows it; what the service says of it lives in React Query. */
export interface BatchJob {
  index: number;
  /** Only the count and the first and last ids: thousands of ids do not belong in localStorage. */
  documentCount: number;
  firstId: string;
  lastId: string;
  state: BatchJobState;
  jobUrl?: string;
  submittedAt?: number;
  /** Why the service refused the submission. */
  error?: string;
}

export interface Batch {
  id: string;
  endpoint: string;
  startedAt: number;
  jobs: BatchJob[];
  /** Documents no job can hold: reported, never sent. */
  oversized: { id: string; characters: number }[];
  paused: boolean;
  cancelled: boolean;
  /** Jobs in flight at once; halves on throttling and grows back as jobs finish. */
  concurrency: number;
  throttledUntil: number;
}

interface BatchState {
  batch: Batch | undefined;
}

const useBatchStore = create<BatchState>()(
  persist((): BatchState => ({ batch: undefined }), {
    name: 'classify-console:batch',
    // 2: jobs keep a count and the first and last ids instead of every id.
    version: 2,
    migrate: () => ({ batch: undefined }),
    storage: createJSONStorage(() => localStorage),
  }),
);

export const useBatch = () => useBatchStore((state) => state.batch);

/** The runner works outside React; these keep the store the one place the UI reads from. */
export function getBatch(): Batch | undefined {
  return useBatchStore.getState().batch;
}

export function setBatch(batch: Batch | undefined): void {
  useBatchStore.setState({ batch });
}

/** Applies a change; an empty one leaves the store untouched, so nothing re-renders for it. */
export function updateBatch(change: (batch: Batch) => Partial<Batch>): void {
  const { batch } = useBatchStore.getState();
  if (!batch) return;
  const patch = change(batch);
  if (Object.keys(patch).length === 0) return;
  useBatchStore.setState({ batch: { ...batch, ...patch } });
}

export function updateBatchJob(index: number, patch: Partial<BatchJob>): void {
  updateBatch((batch) => ({
    jobs: batch.jobs.map((job) => (job.index === index ? { ...job, ...patch } : job)),
  }));
}
