import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type BatchJobState = 'queued' | 'submitting' | 'submitted' | 'rejected' | 'cancelled';

/** One job of a batch, as this browser knows it; what the service says of it lives in React Query. */
export interface BatchJob {
  index: number;
  documentIds: string[];
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
    version: 1,
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

export function updateBatch(change: (batch: Batch) => Partial<Batch>): void {
  useBatchStore.setState((state) =>
    state.batch ? { batch: { ...state.batch, ...change(state.batch) } } : state,
  );
}

export function updateBatchJob(index: number, patch: Partial<BatchJob>): void {
  updateBatch((batch) => ({
    jobs: batch.jobs.map((job) => (job.index === index ? { ...job, ...patch } : job)),
  }));
}
