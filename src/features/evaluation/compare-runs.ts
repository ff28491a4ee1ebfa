import type { LabelMode } from '../../service/model';
import { ratio } from './class-metrics';
import {
  countMatrix,
  type ClassBucket as Bucket,
  type CountMatrix,
  type MatrixEntry,
} from './count-matrix';
import { evaluate, type Evaluation } from './evaluate';
import type { EvaluationItem } from './evaluation-item';
import { noClassName } from './no-class-name';
import { keptClasses, sameClasses } from './threshold';

export interface RunComparison {
  labelMode: LabelMode;
  threshold: number;
  /** Documents in both runs with a result in both. */
  shared: number;
  /** Shared documents with the same class (single) or the same set of classes (multi). */
  agreed: number;
  /** agreed / shared. */
  agreement: number;
  /** Rows: (top) class in this run; columns: in the other; `null` when a run kept no class. */
  changes: CountMatrix;
  /** Both runs' metrics on the shared documents, when any of them has a label. */
  metrics?: { thisRun: Evaluation; otherRun: Evaluation };
}

/**
 * Where a document sits in `changes`: its top kept class. For multi label too, so the matrix stays
 * classes × classes (sets of classes would make it documents × documents on varied data).
 */
function topKept(kept: readonly string[]): Bucket {
  return kept[0] ?? null;
}

/** Compares two runs of the same documents over the ids both have a result for (first of a duplicate). */
export function compareRuns(
  thisRun: readonly EvaluationItem[],
  otherRun: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
): RunComparison {
  const others = new Map<string, EvaluationItem>();
  for (const item of otherRun) if (!item.failed && !others.has(item.id)) others.set(item.id, item);
  const sharedHere: EvaluationItem[] = [];
  const sharedThere: EvaluationItem[] = [];
  const entries: MatrixEntry[] = [];
  let agreed = 0;
  for (const item of thisRun) {
    const other = others.get(item.id);
    if (item.failed || !other) continue;
    others.delete(item.id);
    sharedHere.push(item);
    sharedThere.push(other);
    const keptHere = keptClasses(item.predicted, labelMode, threshold);
    const keptThere = keptClasses(other.predicted, labelMode, threshold);
    if (sameClasses(keptHere, keptThere)) agreed += 1;
    entries.push({ id: item.id, row: topKept(keptHere), column: topKept(keptThere) });
  }
  const rows = new Set(entries.map((entry) => entry.row));
  const columns = new Set(entries.map((entry) => entry.column));
  const labelled = sharedHere.some((item) => item.labels.length > 0);
  return {
    labelMode,
    threshold,
    shared: entries.length,
    agreed,
    agreement: ratio(agreed, entries.length),
    // Square, so an unchanged class sits on the diagonal.
    changes: countMatrix(entries, {
      noClassName: noClassName(threshold),
      rowsInclude: columns,
      columnsInclude: rows,
    }),
    ...(labelled && {
      metrics: {
        thisRun: evaluate(sharedHere, labelMode, threshold),
        otherRun: evaluate(sharedThere, labelMode, threshold),
      },
    }),
  };
}
