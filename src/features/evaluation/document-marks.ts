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

/** One document's mark at `threshold`. */
function markOf(item: EvaluationItem, labelMode: LabelMode, threshold: number): DocumentMark {
  const kept = keptClasses(item.predicted, labelMode, threshold);
  return {
    kept,
    belowThreshold: lostToThreshold(item.predicted, labelMode, threshold),
    mismatch: item.labels.length > 0 && !sameClasses(kept, goldClasses(item, labelMode)),
  };
}

/** A mark for every document with a result (failed documents have none), in one pass. */
export function documentMarks(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
): Map<string, DocumentMark> {
  return markedWith(items, (item) => markOf(item, labelMode, threshold));
}

function markedWith(
  items: readonly EvaluationItem[],
  mark: (item: EvaluationItem) => DocumentMark,
): Map<string, DocumentMark> {
  const marks = new Map<string, DocumentMark>();
  for (const item of items) if (!item.failed) marks.set(item.id, mark(item));
  return marks;
}

/**
 * `documentMarks` that remembers each document's mark by its object, for the last two label mode
 * and threshold pairs (a deferred threshold alternates between two): while a run fills, an update
 * works out the marks of its new results only, not of every result again (10,000 arrays and
 * objects at the end of a 10,000-document run, in one task).
 */
export function rememberingMarks(): typeof documentMarks {
  const settings = new Map<string, WeakMap<EvaluationItem, DocumentMark>>();
  return (items, labelMode, threshold) => {
    const setting = `${labelMode} ${threshold}`;
    const known = settings.get(setting) ?? new WeakMap<EvaluationItem, DocumentMark>();
    settings.delete(setting);
    settings.set(setting, known);
    for (const old of settings.keys()) if (settings.size > 2) settings.delete(old);
    return markedWith(items, (item) => {
      let mark = known.get(item);
      if (!mark) {
        mark = markOf(item, labelMode, threshold);
        known.set(item, mark);
      }
      return mark;
    });
  };
}

/** The ids the "Mismatches only" filter keeps. */
export function mismatchIds(marks: ReadonlyMap<string, DocumentMark>): Set<string> {
  const ids = new Set<string>();
  for (const [id, mark] of marks) if (mark.mismatch) ids.add(id);
  return ids;
}
