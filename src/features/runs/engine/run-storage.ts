import type { RunsRepository } from '../store/runs-repository';

/**
 * What a runner reads and writes of its run: the storage port. The browser passes its IndexedDB
 * repository; the command line a journal file (src/cli/journal-storage.ts). Nothing else differs
 * between the two hosts.
 */
export type RunStorage = Pick<
  RunsRepository,
  'get' | 'jobs' | 'documents' | 'updateJob' | 'finishJobs' | 'setIntent'
>;
