import { Button, Group, Stack } from '@mantine/core';
import { memo, useCallback, useMemo, useState } from 'react';
import { compareRuns, type RunComparison } from '../features/evaluation/compare-runs';
import { CompareRuns, type ChangeCell } from '../features/evaluation/compare-runs-panel';
import type { ConfusionCell } from '../features/evaluation/confusion-matrix';
import { CoverageChart } from '../features/evaluation/coverage-chart';
import type { CurvePoint } from '../features/evaluation/coverage-curve';
import type { DocumentMark } from '../features/evaluation/document-marks';
import type { Evaluation } from '../features/evaluation/evaluate';
import {
  cachedEvaluationItems,
  toEvaluationItems,
  type EvaluationItem,
} from '../features/evaluation/evaluation-item';
import { useClassesShown } from '../features/evaluation/evaluation-view-store';
import { EvaluationPanel } from '../features/evaluation/evaluation-panel';
import { MismatchesToggle } from '../features/evaluation/mismatches-toggle';
import { sliceNames } from '../features/evaluation/slices';
import { SlicesPanel } from '../features/evaluation/slices-panel';
import { keptClasses } from '../features/evaluation/threshold';
import { ThresholdControl } from '../features/evaluation/threshold-control';
import { useEvaluation } from '../features/evaluation/use-evaluation';
import { useStatistics, type RunStatistics } from '../features/evaluation/use-statistics';
import type { PairedTestProps } from '../features/evaluation/paired-test';
import { PrecisionTargetControl } from '../features/evaluation/precision-target-control';
import { reportHtml } from '../features/evaluation/report/report-html';
import {
  pairedOutcomes,
  type PairedOutcomes,
} from '../features/evaluation/statistics/paired-outcomes';
import { downloadFile } from '../features/results/export/download-file';
import type { ResultItem, ResultsCompare } from '../features/results/result-item';
import { runLabel } from '../features/runs/ui/run-label';
import { keptWhileSame, lastCall } from '../lib/last-call';
import { cachedClassNames } from './class-names';
import { cachedSliceFields } from './slice-fields';
import type { Run } from '../features/runs/store/run-model';
import { useRunCorrections, useRunResults, type RunRow } from '../features/runs/ui/use-runs';

const NO_ITEMS: EvaluationItem[] = [];

/**
 * The workbench's readings of every document, each remembering its last answer (lib/last-call.ts):
 * the evaluation of a filling run renders in a deferred render that new results interrupt, and
 * React throws its memos away each time; these keep their answer, and so their identity, which
 * the evaluation's own caches and the statistics worker go by.
 */
function workbenchCaches() {
  const toItems = cachedEvaluationItems();
  const toSliceFields = cachedSliceFields();
  return {
    labels: lastCall(labelsOf),
    evaluationItems: lastCall(
      (
        needsItems: boolean,
        items: readonly ResultItem[],
        labels: Map<string, readonly string[]>,
      ) =>
        needsItems
          ? toItems(
              items.map((item) => item.result),
              labels,
            )
          : NO_ITEMS,
    ),
    classNames: lastCall(cachedClassNames()),
    // The runs list is a new array on every update: the options stay the same object while they
    // say the same, so the compare control and what depends on it do not render again.
    compareOptions: keptWhileSame(sameOptions),
    fields: lastCall((labelled: boolean, items: readonly ResultItem[], runLanguage: string) =>
      labelled ? toSliceFields(items, runLanguage) : undefined,
    ),
    sliceNames: lastCall((fields: Map<string, Readonly<Record<string, string>>> | undefined) =>
      fields ? sliceNames(fields.values()) : [],
    ),
  };
}

export interface WorkbenchState {
  /** Set when some document has a label (or a correction) and a result. */
  evaluation: Evaluation | undefined;
  curve: readonly CurvePoint[];
  marks: ReadonlyMap<string, DocumentMark> | undefined;
  mismatches: ReadonlySet<string> | undefined;
  /** Every class seen in results or labels, for the review's number keys. */
  classNames: readonly string[];
  compareOptions: { value: string; label: string }[];
  compareId: string | null;
  setCompareId: (runId: string | null) => void;
  comparison: RunComparison | undefined;
  compare: ResultsCompare | undefined;
  compareName: string | undefined;
  /** Bootstrap intervals, calibration, likely label errors: from a worker, once they come. */
  statistics: RunStatistics | undefined;
  /** The paired test with the compared run, when both have labelled results. */
  paired: PairedTestProps | undefined;
  /** The evaluated items and what each document can be sliced by, for the Slices table. */
  evaluationItems: readonly EvaluationItem[];
  sliceNames: string[];
  fieldsOf: (id: string) => Readonly<Record<string, string>> | undefined;
}

/** The gold labels a document is scored against: a reviewer's correction wins over the import's. */
function labelsOf(items: readonly ResultItem[]): Map<string, readonly string[]> {
  const labels = new Map<string, readonly string[]>();
  for (const item of items) {
    const chosen = item.correction ?? item.labels;
    if (chosen && chosen.length > 0) labels.set(item.result.id, chosen);
  }
  return labels;
}

/**
 * The labels both runs are scored on in a comparison: a correction replaces the gold label
 * everywhere, so the other run's corrections count too (this run's own win where both corrected).
 */
function comparedLabelsOf(
  items: readonly ResultItem[],
  labels: Map<string, readonly string[]>,
  otherCorrections: ReadonlyMap<string, readonly string[]> | undefined,
): Map<string, readonly string[]> {
  if (!otherCorrections || otherCorrections.size === 0) return labels;
  const merged = new Map(labels);
  const ownCorrections = new Set(
    items.flatMap((item) => (item.correction ? [item.result.id] : [])),
  );
  for (const [id, corrected] of otherCorrections) {
    if (!ownCorrections.has(id) && corrected.length > 0) merged.set(id, corrected);
  }
  return merged;
}

/** What a run is called in the paired test's sentence: its deployment (or model). */
function deploymentOf(run: Run): string {
  const { deploymentName, modelId } = run.settings;
  return deploymentName || modelId || run.name;
}

function useOtherRunItems(runId: string | null, labels: Map<string, readonly string[]>) {
  const results = useRunResults(runId ?? '');
  return useMemo(
    () =>
      runId && results
        ? toEvaluationItems(
            results.map((item) => item.result),
            labels,
          )
        : undefined,
    [runId, results, labels],
  );
}

/** The runs that share documents with this one: some job starts at the same document id. */
function sharingRuns(run: Run | undefined, rows: readonly RunRow[], own: RunRow | undefined) {
  if (!run || !own) return [];
  const firsts = new Set(own.jobs.map((job) => job.firstId));
  return rows
    .filter((row) => row.run.id !== run.id && row.jobs.some((job) => firsts.has(job.firstId)))
    .map((row) => ({ value: row.run.id, label: runLabel(row.run) }));
}

export function useWorkbench({
  run,
  items,
  threshold,
  others,
}: {
  run: Run | undefined;
  items: readonly ResultItem[];
  threshold: number;
  others: readonly RunRow[];
}): WorkbenchState {
  const labelMode = run?.settings.labelMode ?? 'single';
  const [caches] = useState(workbenchCaches);
  const labels = caches.labels(items);
  const own = others.find((row) => row.run.id === run?.id);
  const compareOptions = useMemo(
    () => caches.compareOptions(sharingRuns(run, others, own)),
    [caches, run, others, own],
  );
  const [compareId, setCompareId] = useState<string | null>(null);
  const chosen = compareOptions.some((option) => option.value === compareId) ? compareId : null;
  // Only a labelled run is evaluated, and only a compared one needs items to compare: a big
  // unlabelled run makes none, each time results come in.
  const needsItems = labels.size > 0 || chosen !== null;
  // The same item for an unchanged document, so the evaluation counts only new results.
  const evaluationItems = caches.evaluationItems(needsItems, items, labels);
  const scoredItems = labels.size > 0 ? evaluationItems : NO_ITEMS;
  const {
    evaluation,
    curve,
    marks,
    mismatches,
    threshold: applied,
  } = useEvaluation(scoredItems, labelMode, threshold, useClassesShown());
  const classNames = caches.classNames(items);

  const otherCorrections = useRunCorrections(chosen ?? undefined);
  const comparedLabels = useMemo(
    () => comparedLabelsOf(items, labels, chosen ? otherCorrections : undefined),
    [items, labels, chosen, otherCorrections],
  );
  const comparedItems = useMemo(
    () =>
      comparedLabels === labels
        ? evaluationItems
        : toEvaluationItems(
            items.map((item) => item.result),
            comparedLabels,
          ),
    [comparedLabels, labels, evaluationItems, items],
  );
  const otherItems = useOtherRunItems(chosen, comparedLabels);
  const comparison = useMemo(
    () => (otherItems ? compareRuns(comparedItems, otherItems, labelMode, threshold) : undefined),
    [otherItems, comparedItems, labelMode, threshold],
  );
  const outcomes = useMemo<PairedOutcomes | undefined>(
    () =>
      otherItems && comparison?.metrics
        ? pairedOutcomes(comparedItems, otherItems, labelMode, applied)
        : undefined,
    [otherItems, comparison, comparedItems, labelMode, applied],
  );
  const statistics = useStatistics(scoredItems, labelMode, applied, outcomes?.outcomes);
  const otherRun = others.find((row) => row.run.id === chosen)?.run;
  const compareName = compareOptions.find((option) => option.value === chosen)?.label;
  const compare = useMemo<ResultsCompare | undefined>(() => {
    if (!otherItems || !compareName) return undefined;
    const classOf = new Map<string, string[]>();
    for (const item of otherItems) {
      classOf.set(item.id, keptClasses(item.predicted, labelMode, threshold));
    }
    return { name: compareName, classOf };
  }, [otherItems, compareName, labelMode, threshold]);

  const labelled = evaluation.evaluated > 0;
  const runLanguage = run?.settings.language ?? '';
  const fields = caches.fields(labels.size > 0, items, runLanguage);
  const names = caches.sliceNames(fields);
  const fieldsOf = useCallback((id: string) => fields?.get(id), [fields]);
  const paired = useMemo<PairedTestProps | undefined>(() => {
    if (!outcomes || !run || !otherRun) return undefined;
    const names = { thisRun: deploymentOf(run), otherRun: deploymentOf(otherRun) };
    return {
      counts: outcomes,
      difference: statistics?.difference,
      names:
        names.thisRun === names.otherRun
          ? { thisRun: 'this run', otherRun: compareName ?? 'the other run' }
          : names,
    };
  }, [outcomes, run, otherRun, statistics, compareName]);
  // One object while nothing in it changes: new results re-render the open run at once, and the
  // Workbench (its matrix, tables and charts) skips those renders until its deferred items move.
  return useMemo(
    () => ({
      statistics: labelled ? statistics : undefined,
      paired,
      evaluation: labelled ? evaluation : undefined,
      curve,
      marks: labelled ? marks : undefined,
      mismatches: labelled ? mismatches : undefined,
      classNames,
      compareOptions,
      compareId: chosen,
      setCompareId,
      comparison,
      compare,
      compareName,
      evaluationItems,
      sliceNames: names,
      fieldsOf,
    }),
    [
      labelled,
      statistics,
      paired,
      evaluation,
      curve,
      marks,
      mismatches,
      classNames,
      compareOptions,
      chosen,
      comparison,
      compare,
      compareName,
      evaluationItems,
      names,
      fieldsOf,
      setCompareId,
    ],
  );
}

type CompareOption = WorkbenchState['compareOptions'][number];

/** Two lists of compare options that say the same: the same runs under the same names. */
function sameOptions(kept: CompareOption[], options: CompareOption[]): boolean {
  return (
    kept.length === options.length &&
    kept.every(
      (option, i) => option.value === options[i]?.value && option.label === options[i].label,
    )
  );
}

interface WorkbenchProps {
  run: Run;
  state: WorkbenchState;
  threshold: number;
  onThreshold: (threshold: number) => void;
  cell: ConfusionCell | undefined;
  onCell: (cell: ConfusionCell) => void;
  changeCell: ChangeCell | undefined;
  onChangeCell: (cell: ChangeCell) => void;
  mismatchesOnly: boolean;
  onMismatchesOnly: (checked: boolean) => void;
  /** Puts the likely label errors first in the review queue. */
  onReviewLabelErrorsFirst: () => void;
}

function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/** The evaluation as a self-contained HTML file: settings (never the key) and every figure. */
function downloadReport(
  run: Run,
  state: WorkbenchState,
  threshold: number,
  evaluation: Evaluation,
) {
  const { settings } = run;
  const html = reportHtml({
    settings: {
      runName: run.name,
      endpointHost: endpointHost(settings.endpoint),
      projectName: settings.projectName,
      deploymentName: settings.deploymentName,
      modelId: settings.modelId,
      apiVersion: settings.apiVersion,
      labelMode: settings.labelMode,
      ranAt: run.createdAt,
      threshold,
      documents: run.documentCount,
    },
    evaluation,
    statistics: state.statistics,
    comparison: state.comparison &&
      state.paired && {
        names: state.paired.names,
        agreed: state.comparison.agreed,
        shared: state.comparison.shared,
        paired: state.paired.counts,
        difference: state.paired.difference,
      },
    generatedAt: Date.now(),
  });
  const safeName = run.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
  downloadFile(new Blob([html], { type: 'text/html' }), `${safeName}-evaluation.html`);
}

/**
 * The evaluation against gold labels, the threshold, and the comparison with another run.
 * Memoised: it changes with its (deferred) state, not with every result the open run receives.
 */
export const Workbench = memo(function Workbench({
  run,
  state,
  threshold,
  onThreshold,
  cell,
  onCell,
  changeCell,
  onChangeCell,
  mismatchesOnly,
  onMismatchesOnly,
  onReviewLabelErrorsFirst,
}: WorkbenchProps) {
  const { evaluation } = state;
  return (
    <>
      {evaluation ? (
        <EvaluationPanel
          evaluation={evaluation}
          documents={run.documentCount}
          threshold={threshold}
          selectedCell={cell}
          onSelectCell={onCell}
          slices={
            <SlicesPanel
              names={state.sliceNames}
              items={state.evaluationItems}
              labelMode={run.settings.labelMode}
              threshold={threshold}
              fieldsOf={state.fieldsOf}
            />
          }
          statistics={state.statistics}
          onReviewLabelErrorsFirst={onReviewLabelErrorsFirst}
          controls={
            <Group align="flex-start" gap="xl" wrap="wrap">
              <Stack gap="md">
                <ThresholdControl value={threshold} onChange={onThreshold} />
                <PrecisionTargetControl
                  points={state.statistics?.precision}
                  labelMode={run.settings.labelMode}
                  onUse={onThreshold}
                />
              </Stack>
              <CoverageChart
                curve={state.curve}
                labelMode={run.settings.labelMode}
                threshold={threshold}
              />
              <MismatchesToggle
                checked={mismatchesOnly}
                onChange={onMismatchesOnly}
                count={state.mismatches?.size ?? 0}
              />
              <Button
                variant="default"
                size="sm"
                onClick={() => downloadReport(run, state, threshold, evaluation)}
              >
                Download report
              </Button>
            </Group>
          }
        />
      ) : null}
      {state.compareOptions.length > 0 ? (
        <CompareRuns
          options={state.compareOptions}
          value={state.compareId}
          onChange={state.setCompareId}
          comparison={state.comparison}
          selectedCell={changeCell}
          onSelectCell={onChangeCell}
          paired={state.paired}
        />
      ) : null}
    </>
  );
});
