import type { RunProgress } from '../features/runs/engine/run-schedule';
import type { RunDocument, RunJob, RunResult } from '../features/runs/store/run-model';

/**
 * What a command-line run amounts to, as pure functions: its exit code, what results.jsonl says
 * of each document, and whether a journal found in the output folder is this run's.
 */

export const EXIT = { done: 0, failures: 1, usage: 2, interrupted: 130 } as const;

/** 0: every document classified; 1: some failed or wait for a decision; 130: work was left. */
export function exitCodeOf(progress: RunProgress): number {
  if (progress.open > 0) return EXIT.interrupted;
  if (progress.status === 'done') return EXIT.done;
  return EXIT.failures;
}

export type ResumeDecision = 'new' | 'resume' | 'other-run';

/** A journal in --out is resumed only when it was made from the same input and settings. */
export function resumeDecision(
  journalFingerprint: string | undefined,
  fingerprint: string,
): ResumeDecision {
  if (journalFingerprint === undefined) return 'new';
  return journalFingerprint === fingerprint ? 'resume' : 'other-run';
}

/** A stalled poll (network, 5xx) is tried again this long after its nth stall; then given up. */
export function stalledRetryDelay(stalls: number): number | undefined {
  const delays = [2_000, 5_000, 15_000, 30_000, 60_000];
  return delays[stalls - 1];
}

/** One line of results.jsonl. */
export interface ResultLine {
  id: string;
  classes: { category: string; confidenceScore: number }[];
  error: { code: string; message: string } | null;
}

/** Why a document has no result: the state of the job that carried it, in words. */
function missingResult(job: RunJob | undefined): ResultLine['error'] {
  if (!job) return { code: 'NotSent', message: 'The document is longer than a job can hold.' };
  switch (job.state) {
    case 'unsure':
      return {
        code: 'Unsure',
        message: job.error ?? 'The job may have been sent; it waits for a decision.',
      };
    case 'refused':
      return { code: 'Refused', message: job.error ?? 'The service refused the job.' };
    case 'expired':
      return { code: 'Expired', message: job.error ?? 'The job expired on the service.' };
    case 'finished':
      return {
        code: job.outcome === 'done' ? 'NoResult' : 'JobFailed',
        message: job.error ?? 'The service returned no result for this document.',
      };
    default:
      return {
        code: 'NotFinished',
        message: 'The run stopped before this document was classified.',
      };
  }
}

/** Every document, in input order, with its classes or why it has none. */
export function resultLines(
  documents: readonly RunDocument[],
  jobs: readonly RunJob[],
  results: readonly RunResult[],
): ResultLine[] {
  const jobOf = new Map<number, RunJob>();
  for (const job of jobs) for (const index of job.documentIndexes) jobOf.set(index, job);
  const resultOf = new Map(results.map((result) => [result.index, result]));
  return documents.map((document) => {
    const result = resultOf.get(document.index);
    if (!result)
      return { id: document.id, classes: [], error: missingResult(jobOf.get(document.index)) };
    return {
      id: document.id,
      classes: result.classes.map(({ category, confidence }) => ({
        category,
        confidenceScore: confidence,
      })),
      error: result.error ? { code: result.error.code, message: result.error.message } : null,
    };
  });
}
