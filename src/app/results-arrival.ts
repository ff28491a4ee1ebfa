import type { RunJob } from '../features/runs/store/run-model';

/**
 * Whether the results a finished job classified are still on their way to the screen: the run
 * says done the moment its last poll answers, and its rows follow a moment later. Until they
 * do, "The job returned no documents" would be untrue. Known only when a job classified at least
 * one document (failed and missing documents are counted together, so all-failed says nothing).
 */
export function resultsOnTheirWay(jobs: readonly RunJob[], shown: number): boolean {
  return (
    shown === 0 &&
    jobs.some(
      (job) =>
        job.state === 'finished' &&
        job.outcome === 'done' &&
        (job.failedDocuments ?? 0) < job.documentIndexes.length,
    )
  );
}

/**
 * Whether the results hold every job's answer: each job done and every page of its results read.
 * A run can stop with nothing in flight and still miss documents (a job maybe sent, refused,
 * failed, cancelled or expired): its export must not say it is complete.
 */
export function resultsComplete(jobs: readonly RunJob[], cut: boolean): boolean {
  return !cut && jobs.every((job) => job.state === 'finished' && job.outcome === 'done');
}
