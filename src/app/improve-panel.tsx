import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useConnectionSettings } from '../features/connection/connection-store';
import type { ImproveStore } from '../features/improve/improve-flow';
import { ImproveRegion, type ImproveItem } from '../features/improve/improve-region';
import { resourceKeys } from '../features/resource/resource-keys';
import type { Run } from '../features/runs/store/run-model';
import type { RunResultItem } from '../features/runs/ui/run-results-feed';
import { useRunCoordinator } from '../features/runs/ui/runs-context';
import { useRunsUiActions } from '../features/runs/ui/runs-ui-store';
import { useRevealActions } from './reveal-run';
import { demoSasUrlOfRun } from './demo';
import { useResourceCredentials } from './resource-credentials';

interface ImprovePanelProps {
  run: Run;
  /** The run's documents with their results and gold labels, in input order. */
  results: readonly RunResultItem[];
  /** Reviewers' corrections, by document ID. */
  corrections: ReadonlyMap<string, readonly string[]> | undefined;
}

/**
 * "Improve the model" for the open run: its improvement's jobs live with the run (the runs
 * store), the key is the connection form's when it is for the run's endpoint.
 */
export function ImprovePanel({ run, results, corrections }: ImprovePanelProps) {
  const coordinator = useRunCoordinator();
  const { repository } = coordinator;
  const { open } = useRunsUiActions();
  const { revealRun } = useRevealActions();
  const queryClient = useQueryClient();
  const settings = useConnectionSettings();
  const credentials = useResourceCredentials(settings);
  const runId = run.id;
  const store = useMemo<ImproveStore>(
    () => ({
      load: () => repository.improvement(runId),
      saveStep: (step, record) => repository.saveImprovement(runId, { step: [step, record] }),
      savePreviousProject: (previousProject) =>
        repository.saveImprovement(runId, { previousProject }),
    }),
    [repository, runId],
  );
  const documents = useMemo<ImproveItem[]>(
    () =>
      results.map((item) => ({
        index: item.index,
        id: item.result.id,
        text: item.text,
        language: item.language,
        labels: item.labels,
        correction: corrections?.get(item.result.id),
      })),
    [results, corrections],
  );
  // The Model panel reads the same project: what the region changed shows there too.
  const onProjectChanged = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: resourceKeys.all }),
    [queryClient],
  );
  // The new model on these very documents: a Rerun with the deployment it went to, then opened.
  const onRerun = useCallback(
    (deploymentName: string) =>
      void coordinator.rerun(run.id, { ...run.settings, deploymentName }).then((rerun) => {
        if (!rerun) return;
        open(rerun.id);
        revealRun(rerun.id);
      }),
    [coordinator, open, revealRun, run.id, run.settings],
  );
  return (
    <ImproveRegion
      run={{
        id: run.id,
        labelMode: run.settings.labelMode,
        labelled: run.labelled,
        endpoint: run.settings.endpoint,
        apiVersion: run.settings.apiVersion,
        projectName: run.settings.projectName,
        deploymentName: run.settings.deploymentName,
      }}
      items={documents}
      credentials={credentials?.endpoint === run.settings.endpoint ? credentials : undefined}
      store={store}
      offeredSasUrl={demoSasUrlOfRun(run.settings.endpoint, run.settings.projectName)}
      onProjectChanged={onProjectChanged}
      onRerun={onRerun}
    />
  );
}
