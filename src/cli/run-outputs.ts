import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeRunFile } from '../features/runs/file/run-file-write';
import type { WholeRun } from '../features/runs/store/run-model';
import { resultLines } from './run-outcome';

export const RESULTS_FILE = 'results.jsonl';
export const RUN_FILE = 'run.classify-run.json';

/** The documents as one slice: they are in memory already. */
async function* oneSlice<T>(documents: T): AsyncGenerator<T> {
  yield await Promise.resolve(documents);
}

/**
 * What `run` and `collect` leave in the output folder: results.jsonl, one line per document, and
 * the run file the browser's Import run reads (gzipped once it is big, as the browser's export is).
 * Written whole each time, so a second run of the command leaves them complete.
 */
export async function writeOutputs(dir: string, whole: WholeRun): Promise<string[]> {
  const lines = resultLines(whole.documents, whole.jobs, whole.results);
  const results = join(dir, RESULTS_FILE);
  await writeFile(results, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  const written = await writeRunFile({
    run: whole.run,
    jobs: whole.jobs,
    results: whole.results,
    corrections: whole.corrections,
    documents: oneSlice(whole.documents),
  });
  const runFile = join(dir, written.gzipped ? `${RUN_FILE}.gz` : RUN_FILE);
  await writeFile(runFile, new Uint8Array(await written.blob.arrayBuffer()));
  // The other spelling, from an earlier, smaller or bigger, state of the run.
  await rm(join(dir, written.gzipped ? RUN_FILE : `${RUN_FILE}.gz`), { force: true });
  return [results, runFile];
}
