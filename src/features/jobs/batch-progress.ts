import type { UseQueryResult } from '@tanstack/react-query';
import type { JobPoll } from '../../service/jobs';
import { isFinished } from '../../service/model';
import type { Batch, BatchJob } from './batch-store';

export type BatchJobStatus =
  | { kind: 'queued' | 'submitting' | 'cancelled' }
  | { kind: 'rejected'; error: string }
  | { kind: 'polling'; status: string }
  | { kind: 'stalled'; error: string }
  | { kind: 'finished'; status: string; failed: boolean };

/** What one job of the batch is doing, from the store (before it is sent) and its query (after). */
export function statusOf(job: BatchJob, poll: UseQueryResult<JobPoll> | undefined): BatchJobStatus {
  if (job.state === 'rejected') return { kind: 'rejected', error: job.error ?? 'Refused.' };
  if (job.state !== 'submitted') return { kind: job.state };
  const snapshot = poll?.data?.snapshot;
  if (snapshot && isFinished(snapshot.phase)) {
    return { kind: 'finished', status: snapshot.status, failed: snapshot.phase !== 'done' };
  }
  if (poll?.status === 'error' && !poll.isFetching) {
    return { kind: 'stalled', error: poll.error.message };
  }
  return { kind: 'polling', status: snapshot?.status ?? 'submitted' };
}

/** Still on its way: not yet sent, being sent, or being polled. */
export function isOpen(status: BatchJobStatus): boolean {
  return status.kind === 'queued' || status.kind === 'submitting' || status.kind === 'polling';
}

export interface BatchProgress {
  documentsTotal: number;
  documentsDone: number;
  jobsTotal: number;
  jobsDone: number;
  /** Documents per second since the batch started. */
  throughput: number;
  /** Seconds left at the current throughput, when it can be told. */
  secondsLeft: number | undefined;
  settled: boolean;
}

export function progressOf(batch: Batch, statuses: BatchJobStatus[], now: number): BatchProgress {
  let documentsDone = 0;
  let jobsDone = 0;
  let open = 0;
  batch.jobs.forEach((job, index) => {
    const status = statuses[index];
    if (status?.kind === 'finished') {
      jobsDone++;
      documentsDone += job.documentCount;
    } else if (status && isOpen(status)) open++;
  });
  const documentsTotal = batch.jobs.reduce((sum, job) => sum + job.documentCount, 0);
  const seconds = Math.max(0.001, (now - batch.startedAt) / 1000);
  const throughput = documentsDone / seconds;
  const left = documentsTotal - documentsDone;
  return {
    documentsTotal,
    documentsDone,
    jobsTotal: batch.jobs.length,
    jobsDone,
    throughput,
    secondsLeft: throughput > 0 && open > 0 ? left / throughput : undefined,
    settled: open === 0,
  };
}
