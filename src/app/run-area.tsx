import { memo } from 'react';
import { PanelErrorBoundary } from '../components/panel-error-boundary';
import type { RunSettings } from '../features/runs/store/run-model';
import { RunsTable } from '../features/runs/ui/runs-table';
import { useRunCoordinator } from '../features/runs/ui/runs-context';
import { useOpenRunId, useRunsUiActions } from '../features/runs/ui/runs-ui-store';
import { useRunRows } from '../features/runs/ui/use-runs';
import { FormModelPanel } from './form-model-panel';
import { forgetImportOfRun } from '../features/documents/documents-store';
import { downloadFile } from '../features/results/export/download-file';
import { OpenRun } from './open-run';
import { useRevealActions } from './reveal-run';
import type { Credentials } from '../service/http';

interface RunAreaProps {
  credentials: Credentials | undefined;
  runSettings: RunSettings | undefined;
  settingsProblem: string | undefined;
}

/**
 * The run on screen and the list of runs. Apart from the form so that polls and progress
 * re-render only this, and typing in the form does not re-render thousands of results.
 */
export const RunArea = memo(function RunArea({
  credentials,
  runSettings,
  settingsProblem,
}: RunAreaProps) {
  const coordinator = useRunCoordinator();
  const openRunId = useOpenRunId();
  const { open } = useRunsUiActions();
  const { revealRun } = useRevealActions();
  const show = (runId: string) => {
    open(runId);
    revealRun(runId);
  };
  const rows = useRunRows();
  const openRow = rows?.find(({ run }) => run.id === openRunId);
  const hasKey = openRow ? credentials?.endpoint === openRow.run.settings.endpoint : false;
  return (
    <>
      {openRow && rows ? (
        <OpenRun
          key={openRow.run.id}
          row={openRow}
          hasKey={hasKey}
          others={rows}
          formSettings={runSettings}
        />
      ) : (
        <PanelErrorBoundary panel="Model">
          <FormModelPanel />
        </PanelErrorBoundary>
      )}
      {rows ? (
        <PanelErrorBoundary panel="Runs">
          <RunsTable
            rows={rows}
            openRunId={openRunId}
            onOpen={show}
            onRerun={(runId) => {
              if (!runSettings) return;
              void coordinator.rerun(runId, runSettings).then((run) => run && show(run.id));
            }}
            onDelete={(runId) => {
              if (runId === openRunId) open(undefined);
              // Its documents leave the device: the imported set it was made from goes too.
              forgetImportOfRun(runId);
              void coordinator.remove(runId);
            }}
            rerunBlocked={runSettings ? undefined : settingsProblem}
            onSaveFile={downloadFile}
          />
        </PanelErrorBoundary>
      ) : null}
    </>
  );
});
