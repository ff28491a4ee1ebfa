import type { ChangeCell } from '../features/evaluation/compare-runs-panel';
import type { ConfusionCell } from '../features/evaluation/confusion-matrix';
import { bucketName, matrixCellIds } from '../features/evaluation/count-matrix';
import type { ResultsFocus } from '../features/results/result-item';
import type { WorkbenchState } from './workbench';

/**
 * What the evaluation narrows the results to: one thing at a time, so choosing one lets go of the
 * others by construction.
 */
export type ResultsFilter =
  | { kind: 'cell'; cell: ConfusionCell }
  | { kind: 'change'; cell: ChangeCell }
  | { kind: 'mismatches' }
  | { kind: 'label-errors' };

/** A matrix cell clicked: that cell, or nothing when it was the one already chosen. */
export function toggledCell(
  filter: ResultsFilter | undefined,
  cell: ConfusionCell,
): ResultsFilter | undefined {
  const same =
    filter?.kind === 'cell' &&
    filter.cell.label === cell.label &&
    filter.cell.predicted === cell.predicted;
  return same ? undefined : { kind: 'cell', cell };
}

/** The documents the filter shows, and the line that says so; undefined while it has none yet. */
export function resultsFocus(
  filter: ResultsFilter | undefined,
  workbench: Pick<WorkbenchState, 'evaluation' | 'comparison' | 'mismatches' | 'compareName'> & {
    statistics: { labelErrors: readonly { id: string }[] } | undefined;
  },
): ResultsFocus | undefined {
  const { evaluation, comparison, mismatches, statistics } = workbench;
  switch (filter?.kind) {
    case 'cell': {
      if (evaluation?.mode !== 'single') return undefined;
      const matrix = evaluation.confusion;
      const { label, predicted } = filter.cell;
      const ids = matrixCellIds(matrix, label, predicted);
      return {
        description: `${ids.length} documents labelled ${bucketName(matrix, label)}, predicted ${bucketName(matrix, predicted)}`,
        ids: new Set(ids),
      };
    }
    case 'change': {
      if (!comparison) return undefined;
      const { thisRun, otherRun } = filter.cell;
      const ids = matrixCellIds(comparison.changes, thisRun, otherRun);
      return {
        description: `${ids.length} documents ${bucketName(comparison.changes, thisRun)} here, ${bucketName(comparison.changes, otherRun)} in ${workbench.compareName ?? 'the other run'}`,
        ids: new Set(ids),
      };
    }
    case 'label-errors': {
      const labelErrors = statistics?.labelErrors;
      if (!labelErrors) return undefined;
      return {
        description: `${labelErrors.length} likely label errors first, most confident first`,
        ids: new Set(labelErrors.map((error) => error.id)),
        first: true,
      };
    }
    case 'mismatches':
      if (!mismatches) return undefined;
      return {
        description: `${mismatches.size} documents whose prediction differs from the label`,
        ids: mismatches,
      };
    default:
      return undefined;
  }
}
