import type { LabelMode } from '../../service/model';
import { goldClasses, type EvaluationItem } from './evaluation-item';
import { keptClasses, lostToThreshold, sameClasses } from './threshold';

export interface DocumentMark {
  /** The classes kept after the threshold (single label: none or one). */
  kept: string[];
  /** The threshold took the top class (single) or some class (multi) away. */
  belowThreshold: boolean;
  /** The document has labels and its kept classes differ from them. */
  mismatch: boolean;
}

/** A mark for every document with a result (failed documents have none), in one pass. */
export function documentMarks(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
): Map<string, DocumentMark> {
  const marks = new Map<string, DocumentMark>();
  for (const item of items) {
    if (item.failed) continue;
    const kept = keptClasses(item.predicted, labelMode, threshold);
    marks.set(item.id, {
      kept,
      belowThreshold: lostToThreshold(item.predicted, labelMode, threshold),
      mismatch: item.labels.length > 0 && !sameClasses(kept, goldClasses(item, labelMode)),
    });
  }
  return marks;
}

/** The ids the "Mismatches only" filter keeps. */
export function mismatchIds(marks: ReadonlyMap<string, DocumentMark>): Set<string> {
  const ids = new Set<string>();
  for (const [id, mark] of marks) if (mark.mismatch) ids.add(id);
  return ids;
}
