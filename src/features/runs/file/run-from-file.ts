import type { RunJob, RunJobState, WholeRun } from '../store/run-model';
import type { RunFile } from './run-file-schema';

/** Jobs still under way in the exporting browser: that browser may send or finish them yet. */
const STILL_OPEN: readonly RunJobState[] = ['queued', 'sending', 'sent'];

export const IMPORTED_OPEN_JOB =
  'This job was not finished when the run was exported, and the exporting browser may have sent it since. An imported run never sends or polls by itself: Send again if you want its documents classified here.';

/**
 * An imported job. One the file has as still open is left for the user to decide (like a job
 * whose POST may have left before a reload): nothing in this browser sends it, polls it or asks
 * the service about it by itself, and its address is not known here.
 */
export function importedJob(job: RunFile['jobs'][number], runId: string): RunJob {
  const open = STILL_OPEN.includes(job.state);
  return {
    ...job,
    runId,
    ...(open ? { state: 'unsure', error: IMPORTED_OPEN_JOB } : {}),
  };
}

/** Under another id and name: Keep both, when this browser has the run already. */
export interface ImportAs {
  id: string;
  name: string;
}

/** The rows a run file is stored as. */
export function runFromFile(file: RunFile, as?: ImportAs): WholeRun {
  const runId = as?.id ?? file.run.id;
  const documents = file.documents.map((document, index) => ({ ...document, runId, index }));
  return {
    run: {
      ...file.run,
      id: runId,
      name: as?.name ?? file.run.name,
      documentCount: documents.length,
      labelled: documents.some((document) => document.labels && document.labels.length > 0),
    },
    documents,
    jobs: file.jobs.map((job) => importedJob(job, runId)),
    results: file.results.map((result) => ({ ...result, runId })),
    corrections: file.corrections.map((correction) => ({ ...correction, runId })),
  };
}

/** The name a second copy of a run gets, so the two can be told apart in Runs. */
export function keptBothName(name: string): string {
  return `${name} (imported)`;
}
