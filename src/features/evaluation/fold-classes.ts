import { f1Score, ratio, type ClassMetrics, type FoldedClasses } from './class-metrics';
import { shownClasses } from './count-matrix';

/**
 * The per-class rows to list: every class up to `limit`, else the `limit` most frequent
 * (documents labelled with it plus documents predicted as it: 2TP + FP + FN, the same measure as
 * the confusion matrix's) and the others summed into one row.
 */
export function foldClasses(
  classes: readonly ClassMetrics[],
  limit: number,
  compare?: (a: string, b: string) => number,
): FoldedClasses {
  const frequency = new Map(classes.map((row) => [row.category, 2 * row.tp + row.fp + row.fn]));
  const shown = shownClasses(frequency, limit, compare);
  if (!shown) return { shown: [...classes] };
  const kept: ClassMetrics[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of classes) {
    if (shown.has(row.category)) {
      kept.push(row);
      continue;
    }
    tp += row.tp;
    fp += row.fp;
    fn += row.fn;
  }
  return {
    shown: kept,
    other: {
      classes: classes.length - kept.length,
      tp,
      fp,
      fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: f1Score(tp, fp, fn),
      support: tp + fn,
    },
  };
}
