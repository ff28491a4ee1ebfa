import { Dexie, type EntityTable } from 'dexie';
import type {
  Run,
  RunCorrection,
  RunDocument,
  RunImprovement,
  RunJob,
  RunResult,
} from './run-model';

/**
 * The browser's store of runs. Documents, jobs and results are keyed by [runId+index], so one
 * run's rows are one key range: read in order, written in bulk, deleted at once.
 */
export class RunsDatabase extends Dexie {
  runs!: EntityTable<Run, 'id'>;
  documents!: Dexie.Table<RunDocument, [string, number]>;
  jobs!: Dexie.Table<RunJob, [string, number]>;
  results!: Dexie.Table<RunResult, [string, number]>;
  corrections!: Dexie.Table<RunCorrection, [string, number]>;
  improvements!: EntityTable<RunImprovement, 'runId'>;

  constructor(name = 'classify-console-runs') {
    super(name);
    this.version(1).stores({
      runs: 'id, createdAt',
      documents: '[runId+index]',
      jobs: '[runId+index]',
      results: '[runId+index]',
    });
    // 2: reviewers' corrections, apart from the documents so that those are read once.
    this.version(2).stores({ corrections: '[runId+index]' });
    // 3: improving the project's model from a run (#21): its jobs and the project exported before.
    this.version(3).stores({ improvements: 'runId' });
  }
}
