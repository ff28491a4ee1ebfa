import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { Credentials } from '../../service/http';
import type { JobPoll } from '../../service/jobs';
import { isFinished, type DocumentResult } from '../../service/model';
import type { Batch } from './batch-store';
import { jobQueryOptions } from './job-query';

export interface BatchPolls {
  byUrl: Map<string, UseQueryResult<JobPoll>>;
  /** Results of every finished job so far, in batch order. */
  documents: DocumentResult[];
  raw: unknown;
}

let merged: { key: string; documents: DocumentResult[] } | undefined;

/**
 * Finished jobs stop polling, so their results never change: the merged list is rebuilt only when
 * one more job finishes, and the 10,000-row table does not re-sort on every poll.
 */
function mergeResults(finished: JobPoll[]): DocumentResult[] {
  const key = finished.map((poll) => poll.snapshot.jobId).join('\n');
  if (merged?.key !== key) {
    merged = { key, documents: finished.flatMap((poll) => poll.snapshot.documents) };
  }
  return merged.documents;
}

/** Polls every submitted job of the batch with the same options as a single job. */
export function useBatchPolls(batch: Batch, credentials: Credentials | undefined): BatchPolls {
  const canFollow = credentials?.endpoint === batch.endpoint;
  const submitted = batch.jobs.flatMap((job) =>
    job.jobUrl && job.submittedAt ? [{ jobUrl: job.jobUrl, submittedAt: job.submittedAt }] : [],
  );
  const results = useQueries({
    queries: submitted.map((job) => ({
      ...jobQueryOptions(job.jobUrl, job.submittedAt, {
        endpoint: batch.endpoint,
        key: canFollow ? credentials.key : '',
      }),
      enabled: canFollow,
    })),
  });
  const byUrl = new Map(submitted.map((job, index) => [job.jobUrl, results[index]]));
  const finished = results.flatMap((result) =>
    result.data && isFinished(result.data.snapshot.phase) ? [result.data] : [],
  );
  return {
    byUrl: new Map([...byUrl].flatMap(([url, result]) => (result ? [[url, result]] : []))),
    documents: mergeResults(finished),
    raw: finished.at(-1)?.raw,
  };
}
