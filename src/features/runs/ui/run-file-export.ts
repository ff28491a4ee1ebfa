import { writeRunFile, type WrittenRunFile } from '../file/run-file-write';
import type { RunsRepository } from '../store/runs-repository';

/** Documents are read this many at a time: a big run is never in memory twice. */
const SLICE = 5_000;

async function* documentsOf(repository: RunsRepository, runId: string, count: number) {
  for (let start = 0; start < count; start += SLICE) {
    yield await repository.documentSlice(runId, start, SLICE);
  }
}

/** The stored run as a run file (what Export… saves). */
export async function exportRunFile(
  repository: RunsRepository,
  runId: string,
): Promise<WrittenRunFile> {
  const run = await repository.get(runId);
  if (!run) throw new Error('The run is no longer in this browser.');
  const [jobs, results, corrections] = await Promise.all([
    repository.jobs(runId),
    repository.results(runId),
    repository.corrections(runId),
  ]);
  return writeRunFile({
    run,
    jobs,
    results,
    corrections,
    documents: documentsOf(repository, runId, run.documentCount),
  });
}
