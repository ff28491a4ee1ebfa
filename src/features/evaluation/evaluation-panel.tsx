import { Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { formatCount } from '../../lib/format';
import { ClassesShownControl } from './classes-shown-control';
import classes from './evaluation.module.css';
import { ConfusionMatrix, type ConfusionCell } from './confusion-matrix';
import type { Evaluation } from './evaluate';
import { evaluationFigures } from './evaluation-figures';
import { MetricFigures } from './metric-figures';
import { PerClassTable } from './per-class-table';
import { CalibrationPanel } from './calibration-panel';
import { LabelErrorsTable } from './label-errors-table';
import { ROUGH_BELOW } from './statistics/wilson';
import type { RunStatistics } from './use-statistics';

/** A few classes fit on screen whole: the control appears once there are more. */
const CONTROL_FROM_CLASSES = 10;

interface EvaluationPanelProps {
  evaluation: Evaluation;
  /** All documents in the run, evaluated or not. */
  documents: number;
  threshold: number;
  selectedCell: ConfusionCell | undefined;
  onSelectCell: (cell: ConfusionCell) => void;
  /** The threshold slider, the coverage chart and the mismatches filter, placed by the app. */
  controls?: ReactNode;
  /** The Slices table, placed by the app under the matrix. */
  slices?: ReactNode;
  /** Intervals, calibration and likely label errors, from the statistics worker once they come. */
  statistics?: RunStatistics | undefined;
  /** Puts the likely label errors first in the review queue. */
  onReviewLabelErrorsFirst?: () => void;
}

export function EvaluationPanel({
  evaluation,
  documents,
  threshold,
  selectedCell,
  onSelectCell,
  controls,
  slices,
  statistics,
  onReviewLabelErrorsFirst,
}: EvaluationPanelProps) {
  // Figures for another threshold than the one shown would be wrong, so they wait for theirs.
  const current = statistics?.threshold === threshold ? statistics : undefined;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId}>
          Evaluation
        </Title>
        <Text size="sm" c="dimmed">
          {formatCount(evaluation.evaluated)} of {formatCount(documents)} documents have a label and
          a result.
        </Text>
        {controls}
        {evaluation.evaluated === 0 ? (
          <Text size="sm">No document has both a label and a result yet.</Text>
        ) : (
          <>
            <MetricFigures
              figures={evaluationFigures(evaluation, threshold, current?.bootstrap.micro.f1)}
            />
            {evaluation.evaluated < ROUGH_BELOW ? (
              <Text size="sm" className={classes.rough}>
                Only {formatCount(evaluation.evaluated)} evaluated documents (fewer than{' '}
                {ROUGH_BELOW}): these figures are rough; read their intervals.
              </Text>
            ) : null}
            {evaluation.classes.length > CONTROL_FROM_CLASSES ? (
              <ClassesShownControl classes={evaluation.classes.length} />
            ) : null}
            <PerClassTable
              table={evaluation}
              counts={evaluation.mode === 'multi'}
              bootstrap={current?.bootstrap}
            />
            {evaluation.mode === 'single' && (
              <ConfusionMatrix
                matrix={evaluation.confusion}
                selected={selectedCell}
                onSelectCell={onSelectCell}
              />
            )}
            {slices}
            <CalibrationPanel calibration={statistics?.calibration} labelMode={evaluation.mode} />
            {onReviewLabelErrorsFirst ? (
              <LabelErrorsTable
                errors={statistics?.labelErrors}
                onReviewFirst={onReviewLabelErrorsFirst}
              />
            ) : null}
          </>
        )}
      </Stack>
    </section>
  );
}
