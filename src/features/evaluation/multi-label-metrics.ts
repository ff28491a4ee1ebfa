import { ClassTally, f1Score, ratio, type ClassTable } from './class-metrics';
import { DEFAULT_CLASSES_SHOWN } from './count-matrix';
import { goldClasses, isEvaluated, type EvaluationItem } from './evaluation-item';
import { foldClasses } from './fold-classes';
import { keptClasses } from './threshold';

export interface MultiLabelMetrics extends ClassTable {
  mode: 'multi';
  /** Documents with a label and a result. */
  evaluated: number;
  /** Evaluated documents that keep at least one class after the threshold. */
  kept: number;
  /** kept / evaluated. */
  coverage: number;
  /** Documents whose kept classes are exactly their labels. */
  exactMatches: number;
  /** exactMatches / evaluated. */
  exactMatch: number;
  /** Label decisions that are wrong: a class labelled but not kept, or kept but not labelled. */
  wrongDecisions: number;
  /** wrongDecisions / (evaluated × classes), classes being those in the labels or the kept predictions. */
  hammingLoss: number;
  /** Micro F1 over the kept documents only (what the coverage chart plots). */
  keptMicroF1: number;
}

export function multiLabelMetrics(
  items: readonly EvaluationItem[],
  threshold: number,
  classesShown = DEFAULT_CLASSES_SHOWN,
): MultiLabelMetrics {
  const tally = new ClassTally();
  let evaluated = 0;
  let kept = 0;
  let exactMatches = 0;
  let wrongDecisions = 0;
  const keptCounts = { tp: 0, fp: 0, fn: 0 };
  for (const item of items) {
    if (!isEvaluated(item)) continue;
    evaluated += 1;
    const gold = new Set(goldClasses(item, 'multi'));
    const predicted = keptClasses(item.predicted, 'multi', threshold);
    let tp = 0;
    for (const category of predicted) {
      const hit = gold.has(category);
      if (hit) tp += 1;
      tally.add(category, hit ? 'tp' : 'fp');
    }
    const predictedSet = new Set(predicted);
    for (const category of gold) if (!predictedSet.has(category)) tally.add(category, 'fn');
    const fp = predicted.length - tp;
    const fn = gold.size - tp;
    wrongDecisions += fp + fn;
    if (fp === 0 && fn === 0) exactMatches += 1;
    if (predicted.length > 0) {
      kept += 1;
      keptCounts.tp += tp;
      keptCounts.fp += fp;
      keptCounts.fn += fn;
    }
  }
  const table = tally.table(evaluated);
  return {
    mode: 'multi',
    evaluated,
    kept,
    coverage: ratio(kept, evaluated),
    exactMatches,
    exactMatch: ratio(exactMatches, evaluated),
    wrongDecisions,
    hammingLoss: ratio(wrongDecisions, evaluated * table.classes.length),
    keptMicroF1: f1Score(keptCounts.tp, keptCounts.fp, keptCounts.fn),
    ...table,
    folded: foldClasses(table.classes, classesShown),
  };
}
