import type { LabelMode } from '../../../service/model';
import { goldClasses, isEvaluated, type EvaluationItem } from '../evaluation-item';

export interface LikelyLabelError {
  id: string;
  /** The document's (corrected) gold label(s). */
  labels: string[];
  /** The class the model gives instead. */
  predicted: string;
  confidence: number;
  /** The mean confidence of this run's predictions of `predicted`: the bar it cleared. */
  classMean: number;
}

/** Single label: the top class; multi label: every class returned, once each. */
function predictionsOf(item: EvaluationItem, labelMode: LabelMode) {
  if (labelMode === 'single') return item.predicted.slice(0, 1);
  const seen = new Set<string>();
  return item.predicted.filter(({ category }) => !seen.has(category) && seen.add(category));
}

/**
 * Labelled documents the model contradicts with unusual confidence (confident learning, Northcutt
 * et al. 2021, with the service's confidences as the model's probabilities): the predicted class
 * differs from the label and its confidence is at least the mean confidence of every prediction of
 * that class in this run (labelled or not). Multi label: a returned class that is not a label.
 * The threshold plays no part. Most confident first; ties keep the run's order.
 */
export function likelyLabelErrors(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
): LikelyLabelError[] {
  const sums = new Map<string, { total: number; count: number }>();
  for (const item of items) {
    if (item.failed) continue;
    for (const { category, confidence } of predictionsOf(item, labelMode)) {
      const sum = sums.get(category) ?? { total: 0, count: 0 };
      sum.total += confidence;
      sum.count += 1;
      sums.set(category, sum);
    }
  }
  const found: LikelyLabelError[] = [];
  for (const item of items) {
    if (!isEvaluated(item)) continue;
    const gold = goldClasses(item, labelMode);
    for (const { category, confidence } of predictionsOf(item, labelMode)) {
      if (gold.includes(category)) continue;
      const sum = sums.get(category);
      const classMean = sum ? sum.total / sum.count : Infinity;
      // A hair of slack: the mean of equal confidences can round just above them.
      if (confidence >= classMean - 1e-12) {
        found.push({ id: item.id, labels: gold, predicted: category, confidence, classMean });
      }
    }
  }
  // Array.prototype.sort is stable, so equal confidences keep the run's order.
  return found.sort((a, b) => b.confidence - a.confidence);
}
