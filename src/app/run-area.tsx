import { useQuery } from '@tanstack/react-query';
import { memo, useMemo } from 'react';
import { ResultsView } from '../features/results/results-view';
import { jobKeys } from '../features/runs/job-query';
import type { RunSettings } from '../features/runs/run-model';
import { RunPanel } from '../features/runs/run-panel';
import { RunsTable } from '../features/runs/runs-table';
import { useRunCoordinator } from '../features/runs/runs-context';
import { useOpenRunId, useRunsUiActions } from '../features/runs/runs-ui-store';
import {
  useRun,
  useRunLabels,
  useRunLive,
  useRunResults,
  useRunRows,
} from '../features/runs/use-runs';
import type { JobPoll } from '../service/jobs';
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
  const labels = useRunLabels(row?.run);
  const lastJobUrl = row?.jobs.findLast((job) => job.state === 'finished')?.jobUrl;
  // The last answer stays in the query cache while this page polled it; it is never fetched here.
  const { data: lastPoll } = useQuery<JobPoll>({
    queryKey: jobKeys.detail(lastJobUrl ?? ''),
    enabled: false,
  });
  const joinedLabels = useMemo(
    () =>
      labels ? new Map([...labels].map(([id, values]) => [id, values.join('; ')])) : undefined,
    [labels],
  );
  if (!row) return null;
  const { run, jobs } = row;
  const finished = !jobs.some(
    (job) => job.state === 'queued' || job.state === 'sending' || job.state === 'sent',
  );
  const jobIds = jobs.flatMap((job) => (job.jobId ? [job.jobId] : []));
  return (
    <>
      <RunPanel run={run} jobs={jobs} live={live} hasKey={hasKey} />
      {results && (results.length > 0 || finished) ? (
        <ResultsView
          documents={results}
          raw={lastPoll?.raw}
          finished={finished}
          {...(joinedLabels ? { labels: joinedLabels } : {})}
          meta={{ jobIds, endpoint: run.settings.endpoint }}
        />
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
      ) : null}
    </>
  );
});
