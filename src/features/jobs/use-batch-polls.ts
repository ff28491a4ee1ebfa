import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { Credentials } from '../../service/http';
import type { JobPoll } from '../../service/jobs';
import { isFinished, type DocumentResult } from '../../service/model';
import type { Batch } from './batch-store';
import { batchPollSlowdown } from './batch-runner';
import { jobQueryOptions } from './job-query';

export interface BatchPolls {
  byUrl: Map<string, UseQueryResult<JobPoll>>;
  /** Results of every finished job so far, in batch order. */
  documents: DocumentResult[];
  raw: unknown;
}

let merged: { key: string; documents: DocumentResult[]; at: number } | undefined;
const MERGE_EVERY_MS = 1_000;

/**
 * Finished jobs stop polling, so their results never change: the merged list is rebuilt only when
 * more jobs have finished, and at most once a second while the batch runs (each rebuild re-indexes
 * and re-sorts the whole table), so 10,000 results arrive without freezing the page.
 */
function mergeResults(finished: JobPoll[], settled: boolean): DocumentResult[] {
  const key = finished.map((poll) => poll.snapshot.jobId).join('\n');
  const now = Date.now();
  const due = !merged || settled || now - merged.at >= MERGE_EVERY_MS;
  if (merged?.key !== key && due) {
    merged = { key, documents: finished.flatMap((poll) => poll.snapshot.documents), at: now };
  }
  return merged?.documents ?? [];
}

/** Polls every submitted job of the batch with the same options as a single job. */
export function useBatchPolls(batch: Batch, credentials: Credentials | undefined): BatchPolls {
  const canFollow = credentials?.endpoint === batch.endpoint;
  const submitted = batch.jobs.flatMap((job) =>
    job.jobUrl && job.submittedAt ? [{ jobUrl: job.jobUrl, submittedAt: job.submittedAt }] : [],
  );
  const results = useQueries({
    queries: submitted.map((job) => ({
      ...jobQueryOptions(
        job.jobUrl,
        job.submittedAt,
        { endpoint: batch.endpoint, key: canFollow ? credentials.key : '' },
        batchPollSlowdown,
      ),
      enabled: canFollow,
    })),
  });
  const byUrl = new Map(submitted.map((job, index) => [job.jobUrl, results[index]]));
  const finished = results.flatMap((result) =>
    result.data && isFinished(result.data.snapshot.phase) ? [result.data] : [],
  );
  return {
    byUrl: new Map([...byUrl].flatMap(([url, result]) => (result ? [[url, result]] : []))),
    documents: mergeResults(finished, finished.length === results.length),
    raw: finished.at(-1)?.raw,
  };
}
