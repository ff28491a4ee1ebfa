import { exportRunFile } from './run-file-export';
import { useRunCoordinator } from './runs-context';
import { setExportState as setState, useExportState } from './run-file-store';

/** Export…: writes the stored run as a file and hands it to `save` (the app downloads it). */
export function useRunExport(save: (blob: Blob, fileName: string) => void) {
  const { repository } = useRunCoordinator();
  const state = useExportState();
  const exportRun = async (runId: string, name: string) => {
    setState({ exporting: runId, failed: undefined });
    try {
      const { blob, fileName } = await exportRunFile(repository, runId);
      save(blob, fileName);
      setState({ exporting: undefined, failed: undefined });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The file could not be written.';
      setState({ exporting: undefined, failed: { name, message } });
    }
  };
  return {
    state,
    exportRun: (runId: string, name: string) => void exportRun(runId, name),
    dismiss: () => setState({ exporting: undefined, failed: undefined }),
  };
}
