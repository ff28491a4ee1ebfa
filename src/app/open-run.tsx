import { Card, Stack } from '@mantine/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { PanelErrorBoundary } from '../components/panel-error-boundary';
import type { ChangeCell } from '../features/evaluation/compare-runs-panel';
import type { ConfusionCell } from '../features/evaluation/confusion-matrix';
import { FormModelPanel } from './form-model-panel';
import { ImprovePanel } from './improve-panel';
import { DEMO_ENDPOINT, DEMO_KEY } from '../demo/demo-settings';
import { useConnectionActions, useConnectionField } from '../features/connection/connection-store';
import type { LiveFigures } from '../features/resource/model-facts';
import type { ResultItem } from '../features/results/result-item';
import type { RunSettings } from '../features/runs/store/run-model';
import { ResultsView } from '../features/results/results-view';
import { usePacedItems } from './evaluation-pace';
import { resultsComplete, resultsOnTheirWay } from './results-arrival';
import { useCachedJobPoll } from '../features/runs/ui/use-cached-job-poll';
import { RunPanel } from '../features/runs/ui/run-panel';
import { useRunCoordinator } from '../features/runs/ui/runs-context';
import {
  useRunCorrections,
  useRunLive,
  useRunResults,
  type RunRow,
} from '../features/runs/ui/use-runs';
import { afterNextPaint } from '../lib/after-next-paint';
import { reveal } from '../lib/reveal';
import { useRevealActions, useRevealRequest } from './reveal-run';
import { resultsFocus, toggledCell, type ResultsFilter } from './results-filter';
import { RunVersionFallback } from './version-fallback';
import { Workbench, useWorkbench } from './workbench';

interface OpenRunProps {
  /** The run and its jobs, as the list of runs read them. */
  row: RunRow;
  hasKey: boolean;
  /** The other runs, for Compare with. */
  others: readonly RunRow[];
  /** The form's settings: when they name this run's deployment, the Model panel shows live figures. */
  formSettings: RunSettings | undefined;
}

/** How long the slider must rest before the threshold is saved with the run. */
const SAVE_THRESHOLD_AFTER_MS = 400;

/**
 * The open run: its progress, the evaluation when it has labels, and its results, all read from
 * the browser's storage. Focus (a matrix cell, mismatches) and the threshold live here, as UI state.
 */
export function OpenRun({ row, hasKey, others, formSettings }: OpenRunProps) {
  const { repository } = useRunCoordinator();
  const { run, jobs } = row;
  const runId = run.id;
  // A demo run waiting for its key, with the form on the demo too: one click gives the key back.
  const formEndpoint = useConnectionField('endpoint');
  const { setField } = useConnectionActions();
  const onDemo = run.settings.resourceEndpoint === DEMO_ENDPOINT && formEndpoint === DEMO_ENDPOINT;
  const live = useRunLive(runId);
  const results = useRunResults(runId);
  const corrections = useRunCorrections(runId);
  const lastJobUrl = jobs.findLast((job) => job.state === 'finished')?.jobUrl;
  const lastPoll = useCachedJobPoll(lastJobUrl);

  // Submit, Rerun and Open change what is below the fold: the run comes into view, its status
  // takes the focus (its badge, named "Run: …"; the heading if the panel failed).
  const runRef = useRef<HTMLDivElement>(null);
  const revealRequest = useRevealRequest();
  const { revealed } = useRevealActions();
  useEffect(() => {
    const panel = runRef.current;
    if (revealRequest?.runId !== runId || !panel) return;
    // Once the run is painted: scrolling in the task that mounted it forced a layout of the whole
    // page there (~40 ms of a 10,000-document run's first task), which the frame then did again.
    return afterNextPaint(() => {
      revealed();
      const status = panel.querySelector<HTMLElement>('[aria-label^="Run: "]');
      reveal(panel, status ?? panel.querySelector<HTMLElement>('h2'));
    });
  }, [revealRequest, runId, revealed]);

  const [threshold, setThreshold] = useState<number>();
  const shownThreshold = threshold ?? run.threshold ?? 0;
  useEffect(() => {
    if (threshold === undefined || threshold === run.threshold) return;
    const timer = setTimeout(
      () => void repository.setThreshold(runId, threshold),
      SAVE_THRESHOLD_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [repository, runId, threshold, run.threshold]);

  // The feed's items as they are (their objects stay the same, so the table's caches hold), a
  // reviewer's correction added where there is one.
  const items = useMemo<ResultItem[]>(
    () =>
      (results ?? []).map((item) => {
        const correction = corrections?.get(item.result.id);
        return correction ? { ...item, correction } : item;
      }),
    [results, corrections],
  );

  // Results arrive through a store subscription, which React renders at once, in one task. The
  // evaluation of a big run (its matrix, tables, slices) follows in a deferred render that React
  // can interrupt, so new rows and the progress are never held behind it; while the run fills it
  // is refreshed at a pace that grows with the run (evaluation-pace.ts).
  const finished = !jobs.some(
    (job) => job.state === 'queued' || job.state === 'sending' || job.state === 'sent',
  );
  const evaluatedItems = useDeferredValue(usePacedItems(items, !finished));
  const workbench = useWorkbench({
    run,
    items: evaluatedItems,
    threshold: shownThreshold,
    others,
  });
  const [filter, setFilter] = useState<ResultsFilter>();

  // A matrix cell, a change cell or Mismatches only filters the results, further down: the line
  // that says what is shown comes into view (the focus stays where the user clicked).
  const resultsRef = useRef<HTMLDivElement>(null);
  const revealsResults = filter !== undefined && filter.kind !== 'label-errors';
  useEffect(() => {
    const line = resultsRef.current?.querySelector<HTMLElement>('[data-results-focus]');
    if (revealsResults && line) reveal(line);
  }, [filter, revealsResults]);

  const focus = useMemo(() => resultsFocus(filter, workbench), [filter, workbench]);
  // Stable, so that the memoised Workbench skips the renders that only bring new results.
  const toggleCell = useCallback(
    (next: ConfusionCell) => setFilter((current) => toggledCell(current, next)),
    [],
  );
  const showChangeCell = useCallback(
    (next: ChangeCell) => setFilter({ kind: 'change', cell: next }),
    [],
  );
  const showMismatchesOnly = useCallback(
    (checked: boolean) => setFilter(checked ? { kind: 'mismatches' } : undefined),
    [],
  );
  const reviewLabelErrorsFirst = useCallback(() => {
    setFilter({ kind: 'label-errors' });
    document
      .getElementById('results-heading')
      ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  // The Model panel shows the form's deployment; what it says applies to this run only if the same.
  const sameModel =
    formSettings?.endpoint === run.settings.endpoint &&
    formSettings.projectName === run.settings.projectName &&
    formSettings.deploymentName === run.settings.deploymentName;
  const liveFigures = useMemo<LiveFigures | undefined>(() => {
    const evaluation = workbench.evaluation;
    if (!evaluation || !sameModel) return undefined;
    return new Map(
      evaluation.classes.map(({ category, precision, recall, f1 }) => [
        category,
        { precision, recall, f1 },
      ]),
    );
  }, [workbench.evaluation, sameModel]);

  // The Improve region comes with a finished run, below the results: it mounts in a deferred
  // render of its own, so the run's last rows reach the screen without waiting for its ~100 ms
  // of inputs and popovers.
  const improveShown = useDeferredValue(finished && results !== undefined && results.length > 0);
  const jobIds = jobs.flatMap((job) => (job.jobId ? [job.jobId] : []));
  const resultsCut = jobs.find((job) => job.resultsCut)?.resultsCut;
  const indexById = (id: string) => results?.find((item) => item.result.id === id)?.index;

  return (
    <>
      <div ref={runRef}>
        <PanelErrorBoundary panel="Run" resetKeys={[run.id]}>
          <RunPanel
            run={run}
            jobs={jobs}
            live={live}
            hasKey={hasKey}
            onUseDemoKey={onDemo ? () => setField('key', DEMO_KEY) : undefined}
          />
          <RunVersionFallback run={run} jobs={jobs} />
        </PanelErrorBoundary>
      </div>
      {workbench.evaluation || workbench.compareOptions.length > 0 ? (
        <PanelErrorBoundary panel="Evaluation" resetKeys={[run.id]}>
          <Card withBorder padding="md">
            <Stack gap="lg">
              <Workbench
                run={run}
                state={workbench}
                threshold={shownThreshold}
                onThreshold={setThreshold}
                cell={filter?.kind === 'cell' ? filter.cell : undefined}
                onCell={toggleCell}
                changeCell={filter?.kind === 'change' ? filter.cell : undefined}
                onChangeCell={showChangeCell}
                mismatchesOnly={filter?.kind === 'mismatches'}
                onMismatchesOnly={showMismatchesOnly}
                onReviewLabelErrorsFirst={reviewLabelErrorsFirst}
              />
            </Stack>
          </Card>
        </PanelErrorBoundary>
      ) : null}
      {results && (results.length > 0 || finished) ? (
        <div ref={resultsRef}>
          <PanelErrorBoundary panel="Results" resetKeys={[run.id]}>
            <ResultsView
              items={items}
              raw={lastPoll?.raw}
              finished={finished}
              runDocuments={run.documentCount}
              complete={resultsComplete(jobs, resultsCut !== undefined)}
              arriving={finished && resultsOnTheirWay(jobs, results.length)}
              settings={{
                runName: run.name,
                endpoint: run.settings.endpoint,
                jobIds,
                projectName: run.settings.projectName,
                deploymentName: run.settings.deploymentName,
                modelId: run.settings.modelId,
                apiVersion: run.settings.apiVersion,
                labelMode: run.settings.labelMode,
                ranAt: run.createdAt,
                threshold: shownThreshold,
              }}
              classNames={workbench.classNames}
              {...(workbench.marks ? { marks: workbench.marks } : {})}
              {...(focus ? { focus } : {})}
              onClearFocus={() => setFilter(undefined)}
              {...(workbench.compare ? { compare: workbench.compare } : {})}
              onCorrect={(id, labels) => {
                const index = indexById(id);
                if (index !== undefined) void repository.setCorrection(run.id, index, id, labels);
              }}
              {...(resultsCut ? { resultsCut } : {})}
            />
          </PanelErrorBoundary>
        </div>
      ) : null}
      {improveShown && results ? (
        <PanelErrorBoundary panel="Improve the model" resetKeys={[run.id]}>
          <ImprovePanel run={run} results={results} corrections={corrections} />
        </PanelErrorBoundary>
      ) : null}
      <PanelErrorBoundary panel="Model">
        <FormModelPanel
          live={liveFigures}
          {...(sameModel ? { runThreshold: shownThreshold, onUseThreshold: setThreshold } : {})}
        />
      </PanelErrorBoundary>
    </>
  );
}
