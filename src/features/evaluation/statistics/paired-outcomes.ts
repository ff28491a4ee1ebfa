import type { LabelMode } from '../../../service/model';
import { goldClasses, isEvaluated, type EvaluationItem } from '../evaluation-item';
import { keptClasses, sameClasses } from '../threshold';

/** How a document fared in both runs; the codes index `PairedCounts` in this order. */
export const BOTH_RIGHT = 0;
export const ONLY_THIS = 1;
export const ONLY_OTHER = 2;
const BOTH_WRONG = 3;

export interface PairedCounts {
  bothRight: number;
  onlyThis: number;
  onlyOther: number;
  bothWrong: number;
}

export interface PairedOutcomes extends PairedCounts {
  /** Documents both runs have a result and a label for. */
  paired: number;
  /** One code per paired document (BOTH_RIGHT … BOTH_WRONG), for the paired bootstrap. */
  outcomes: Uint8Array;
}

/** Right: the kept class is the label (single), or the kept classes are exactly the labels (multi). */
function isRight(item: EvaluationItem, labelMode: LabelMode, threshold: number): boolean {
  return sameClasses(
    keptClasses(item.predicted, labelMode, threshold),
    goldClasses(item, labelMode),
  );
}

/**
 * Both runs' outcomes on the documents both have a result and a label for, scored against the
 * same labels (this run's items carry them; the first of a duplicate id counts).
 */
export function pairedOutcomes(
  thisRun: readonly EvaluationItem[],
  otherRun: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
): PairedOutcomes {
  const others = new Map<string, EvaluationItem>();
  for (const item of otherRun) if (!item.failed && !others.has(item.id)) others.set(item.id, item);
  const codes: number[] = [];
  const counts = [0, 0, 0, 0];
  for (const item of thisRun) {
    const other = others.get(item.id);
    if (!other || !isEvaluated(item)) continue;
    others.delete(item.id);
    const here = isRight(item, labelMode, threshold);
    const there = isRight({ ...other, labels: item.labels }, labelMode, threshold);
    const code = here ? (there ? BOTH_RIGHT : ONLY_THIS) : there ? ONLY_OTHER : BOTH_WRONG;
    codes.push(code);
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return {
    paired: codes.length,
    bothRight: counts[BOTH_RIGHT] ?? 0,
    onlyThis: counts[ONLY_THIS] ?? 0,
    onlyOther: counts[ONLY_OTHER] ?? 0,
    bothWrong: counts[BOTH_WRONG] ?? 0,
    outcomes: Uint8Array.from(codes),
  };
}
