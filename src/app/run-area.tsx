import { memo, useMemo } from 'react';
import { PanelErrorBoundary } from '../components/panel-error-boundary';
import { ResultsView } from '../features/results/results-view';
import { useCachedJobPoll } from '../features/runs/job-query';
import type { RunSettings } from '../features/runs/run-model';
import { RunPanel } from '../features/runs/run-panel';
import { RunsTable } from '../features/runs/runs-table';
import { useRunCoordinator } from '../features/runs/runs-context';
import { useOpenRunId, useRunsUiActions } from '../features/runs/runs-ui-store';
import {
  useRun,
  useRunDocuments,
  useRunLive,
  useRunResults,
  useRunRows,
} from '../features/runs/use-runs';
import type { Credentials } from '../service/http';

interface RunAreaProps {
  credentials: Credentials | undefined;
  runSettings: RunSettings | undefined;
  settingsProblem: string | undefined;
}

/** The open run and its results, read from the browser's storage. */
function OpenRun({ runId, hasKey }: { runId: string; hasKey: boolean }) {
  const row = useRun(runId);
  const live = useRunLive(runId);
  const results = useRunResults(runId);
  const documents = useRunDocuments(row?.run);
  const lastJobUrl = row?.jobs.findLast((job) => job.state === 'finished')?.jobUrl;
  // The last answer stays in the query cache while this page polled it; it is never fetched here.
  const lastPoll = useCachedJobPoll(lastJobUrl);
  const joinedLabels = useMemo(() => {
    if (!documents || !row?.run.labelled) return undefined;
    const labels = new Map<string, string>();
    for (const document of documents) {
      if (document.labels) labels.set(document.id, document.labels.join('; '));
    }
    return labels;
  }, [documents, row?.run.labelled]);
  if (!row) return null;
  const { run, jobs } = row;
  const finished = !jobs.some(
    (job) => job.state === 'queued' || job.state === 'sending' || job.state === 'sent',
  );
  const jobIds = jobs.flatMap((job) => (job.jobId ? [job.jobId] : []));
  const resultsCut = jobs.find((job) => job.resultsCut)?.resultsCut;
  return (
    <>
      <PanelErrorBoundary panel="Run" resetKeys={[run.id]}>
        <RunPanel run={run} jobs={jobs} live={live} hasKey={hasKey} />
      </PanelErrorBoundary>
      {results && (results.length > 0 || finished) ? (
        <PanelErrorBoundary panel="Results" resetKeys={[run.id]}>
          <ResultsView
            documents={results}
            raw={lastPoll?.raw}
            finished={finished}
            {...(joinedLabels ? { labels: joinedLabels } : {})}
            meta={{ jobIds, endpoint: run.settings.endpoint }}
            {...(resultsCut ? { resultsCut } : {})}
          />
        </PanelErrorBoundary>
      ) : null}
    </>
  );
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
  const rows = useRunRows();
  const openRow = rows?.find(({ run }) => run.id === openRunId);
  const hasKey = openRow ? credentials?.endpoint === openRow.run.settings.endpoint : false;
  return (
    <>
      {openRow ? <OpenRun key={openRow.run.id} runId={openRow.run.id} hasKey={hasKey} /> : null}
      {rows ? (
        <PanelErrorBoundary panel="Runs">
          <RunsTable
            rows={rows}
            openRunId={openRunId}
            onOpen={open}
            onRerun={(runId) => {
              if (!runSettings) return;
              void coordinator.rerun(runId, runSettings).then((run) => run && open(run.id));
            }}
            onDelete={(runId) => {
              if (runId === openRunId) open(undefined);
              void coordinator.remove(runId);
            }}
            rerunBlocked={runSettings ? undefined : settingsProblem}
          />
        </PanelErrorBoundary>
      ) : null}
    </>
  );
});
