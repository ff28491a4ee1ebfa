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
 * Whether moving the threshold from `a` to `b` can change a document's mark: a class is kept when
 * its confidence is at least the threshold, so only a confidence in [lower, higher) changes side.
 */
function movedBetween(item: EvaluationItem, labelMode: LabelMode, a: number, b: number): boolean {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  const inRange = ({ confidence }: { confidence: number }) =>
    confidence >= low && confidence < high;
  if (labelMode === 'single') {
    const top = item.predicted[0];
    return top !== undefined && inRange(top);
  }
  return item.predicted.some(inRange);
}

interface MarkSetting {
  labelMode: LabelMode;
  threshold: number;
  known: WeakMap<EvaluationItem, DocumentMark>;
}

/**
 * `documentMarks` that remembers each document's mark by its object, for the last two label mode
 * and threshold pairs (a deferred threshold alternates between two): while a run fills, an update
 * works out the marks of its new results only, not of every result again (10,000 arrays and
 * objects at the end of a 10,000-document run, in one task). A new threshold starts from the
 * marks of the last one in the same label mode: only the documents with a confidence between the
 * two are marked again (a threshold move of a 10,000-document run marked every one, 10–30 ms).
 */
export function rememberingMarks(): typeof documentMarks {
  const settings = new Map<string, MarkSetting>();
  return (items, labelMode, threshold) => {
    const key = `${labelMode} ${threshold}`;
    let setting = settings.get(key);
    const nearest = setting
      ? undefined
      : [...settings.values()].reverse().find((other) => other.labelMode === labelMode);
    setting ??= { labelMode, threshold, known: new WeakMap() };
    settings.delete(key);
    settings.set(key, setting);
    for (const old of settings.keys()) if (settings.size > 2) settings.delete(old);
    const { known } = setting;
    return markedWith(items, (item) => {
      let mark = known.get(item);
      if (!mark) {
        const before = nearest?.known.get(item);
        mark =
          before && !movedBetween(item, labelMode, nearest?.threshold ?? threshold, threshold)
            ? before
            : markOf(item, labelMode, threshold);
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
