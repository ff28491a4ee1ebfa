import { isOpenJob } from '../engine/run-schedule';
import { readRunFile, RunFileRefusal } from '../file/run-file-read';
import type { RunFile } from '../file/run-file-schema';
import { keptBothName, runFromFile } from '../file/run-from-file';
import type { Run } from '../store/run-model';
import { StorageFullError } from '../store/runs-repository';
import { useRunCoordinator } from './runs-context';
import { pickFile } from './pick-file';
import { importState, setImportState as setState, useImportState } from './run-file-store';

/** What the chooser offers: run files, plain or gzipped. */
export const RUN_FILE_ACCEPT = '.json,.gz,application/json,application/gzip';

export type ImportChoice = 'replace' | 'keep-both';

function reasonOf(error: unknown): string {
  if (error instanceof RunFileRefusal || error instanceof StorageFullError) return error.message;
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return `The run could not be stored${detail}.`;
}

/**
 * Import run: choose a file, read and check it, ask when the browser has the run already, store
 * it. A refused file changes nothing; an imported run is stored whole and never driven.
 */
export function useRunImport(onImported: (runId: string) => void, pick = pickFile) {
  const coordinator = useRunCoordinator();
  const state = useImportState();

  const store = async (fileName: string, file: RunFile, choice?: ImportChoice) => {
    const whole = runFromFile(
      file,
      choice === 'keep-both'
        ? { id: crypto.randomUUID(), name: keptBothName(file.run.name) }
        : undefined,
    );
    try {
      await coordinator.importRun(whole, choice === 'replace');
    } catch (error) {
      setState({ step: 'refused', fileName, message: reasonOf(error) });
      return;
    }
    setState({
      step: 'imported',
      name: whole.run.name,
      documents: whole.documents.length,
      results: whole.results.length,
      openJobs: file.jobs.filter((job) => job.state !== whole.jobs[job.index]?.state).length,
    });
    onImported(whole.run.id);
  };

  const choose = async () => {
    const chosen = await pick(RUN_FILE_ACCEPT);
    if (!chosen) return;
    setState({ step: 'busy', words: `Reading ${chosen.name}…` });
    let file: RunFile;
    let existing: Run | undefined;
    let existingOpen = false;
    try {
      file = await readRunFile(chosen);
      existing = await coordinator.repository.get(file.run.id);
      if (existing) existingOpen = (await coordinator.repository.jobs(existing.id)).some(isOpenJob);
    } catch (error) {
      setState({ step: 'refused', fileName: chosen.name, message: reasonOf(error) });
      return;
    }
    if (existing) setState({ step: 'asking', fileName: chosen.name, file, existing, existingOpen });
    else await store(chosen.name, file);
  };

  const answer = (choice: ImportChoice | undefined) => {
    const state = importState();
    if (state.step !== 'asking') return;
    if (!choice) return setState({ step: 'idle' });
    setState({ step: 'busy', words: `Importing ${state.file.run.name}…` });
    void store(state.fileName, state.file, choice);
  };

  return {
    state,
    choose: () => void choose(),
    answer,
    dismiss: () => setState({ step: 'idle' }),
  };
}
