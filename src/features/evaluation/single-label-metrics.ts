import { ClassTally, ratio, type ClassTable } from './class-metrics';
import {
  countMatrix,
  DEFAULT_CLASSES_SHOWN,
  type CountMatrix,
  type MatrixEntry,
} from './count-matrix';
import { goldClasses, isEvaluated, type EvaluationItem } from './evaluation-item';
import { foldClasses } from './fold-classes';
import { noClassName } from './no-class-name';
import { keptClasses } from './threshold';

export interface SingleLabelMetrics extends ClassTable {
  mode: 'single';
  /** Documents with a label and a result. */
  evaluated: number;
  /** Evaluated documents that keep a class after the threshold. */
  kept: number;
  /** Kept documents whose class is their label. */
  correct: number;
  /** correct / evaluated: a document without a class counts as wrong. */
  accuracy: number;
  /** correct / kept: accuracy on what the threshold keeps. */
  keptAccuracy: number;
  /** kept / evaluated. */
  coverage: number;
  /** Rows: label; columns: predicted class, and `null` for documents left without a class. */
  confusion: CountMatrix;
}

/**
 * Single-label metrics, all rebuilt from the items (use-evaluation.ts keeps them up to date
 * incrementally with evaluation-accumulator.ts, which must agree with this). A document without a class after the threshold is a false negative of its
 * label and nobody's false positive, so micro precision = keptAccuracy and micro recall = accuracy.
 */
export function singleLabelMetrics(
  items: readonly EvaluationItem[],
  threshold: number,
  classesShown = DEFAULT_CLASSES_SHOWN,
): SingleLabelMetrics {
  const tally = new ClassTally();
  const entries: MatrixEntry[] = [];
  const labelled = new Set<string>();
  let kept = 0;
  let correct = 0;
  for (const item of items) {
    if (!isEvaluated(item)) continue;
    const [label = ''] = goldClasses(item, 'single');
    const [predicted] = keptClasses(item.predicted, 'single', threshold);
    labelled.add(label);
    entries.push({ id: item.id, row: label, column: predicted ?? null });
    if (predicted === undefined) {
      tally.add(label, 'fn');
      continue;
    }
    kept += 1;
    if (predicted === label) {
      correct += 1;
      tally.add(label, 'tp');
    } else {
      tally.add(label, 'fn');
      tally.add(predicted, 'fp');
    }
  }
  const evaluated = entries.length;
  const table = tally.table(evaluated);
  return {
    mode: 'single',
    evaluated,
    kept,
    correct,
    accuracy: ratio(correct, evaluated),
    keptAccuracy: ratio(correct, kept),
    coverage: ratio(kept, evaluated),
    ...table,
    folded: foldClasses(table.classes, classesShown),
    confusion: countMatrix(entries, {
      limit: classesShown,
      noClassName: noClassName(threshold),
      // Every class is a column, so each label has its diagonal cell even when never predicted.
      columnsInclude: table.classes.map((row) => row.category),
      rowsInclude: labelled,
    }),
  };
}
