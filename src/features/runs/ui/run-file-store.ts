import { create } from 'zustand';
import type { RunFile } from '../file/run-file-schema';
import type { Run } from '../store/run-model';

/**
 * Where Import run and Export… are: UI state, kept apart from the Runs table, which unmounts and
 * mounts again while the run list is re-read (opening a run can do that). A question asked or a
 * file refused then stays on screen. Not persisted: a reload asks for the file again.
 */
export type RunImportState =
  | { step: 'idle' }
  /** Reading and checking the file, or storing the run. */
  | { step: 'busy'; words: string }
  | { step: 'refused'; fileName: string; message: string }
  /** The browser has a run of the file's id: Replace or Keep both? */
  | { step: 'asking'; fileName: string; file: RunFile; existing: Run; existingOpen: boolean }
  | { step: 'imported'; name: string; documents: number; results: number; openJobs: number };

export interface RunExportState {
  /** The run whose file is being written. */
  exporting: string | undefined;
  failed: { name: string; message: string } | undefined;
}

interface RunFileState {
  importing: RunImportState;
  exporting: RunExportState;
}

const IDLE: RunFileState = {
  importing: { step: 'idle' },
  exporting: { exporting: undefined, failed: undefined },
};

const useRunFileStore = create<RunFileState>()(() => IDLE);

export const useImportState = () => useRunFileStore((state) => state.importing);
export const useExportState = () => useRunFileStore((state) => state.exporting);
export const importState = () => useRunFileStore.getState().importing;
export const setImportState = (importing: RunImportState) =>
  useRunFileStore.setState({ importing });
export const setExportState = (exporting: RunExportState) =>
  useRunFileStore.setState({ exporting });

/** For tests: as on a page just loaded. */
export const resetRunFileState = () => useRunFileStore.setState(IDLE);
