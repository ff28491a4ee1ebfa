import type { LabelMode } from '../../../service/model';
import { goldClasses, isEvaluated, type EvaluationItem } from '../evaluation-item';

const CALIBRATION_BINS = 10;

export interface CalibrationBin {
  /** [low, high): the last bin is [0.9, 1.0] and holds 1.0. */
  low: number;
  high: number;
  count: number;
  /** Mean confidence in the bin; undefined when it is empty. */
  confidence: number | undefined;
  /** Share of the bin's decisions that are right; undefined when it is empty. */
  accuracy: number | undefined;
}

export interface Calibration {
  bins: CalibrationBin[];
  /** Decisions counted: evaluated documents with a class (single), or (document, class) pairs (multi). */
  decisions: number;
  /** Σ n_b / N · |accuracy_b − confidence_b| over the bins. */
  ece: number;
  /** The largest |accuracy_b − confidence_b| over the non-empty bins. */
  mce: number;
}

/** The bin of a confidence: ⌊10c⌋, with 1.0 in the last bin (a hair of slack for 0.3 · 10 = 2.999…). */
export function binOf(confidence: number): number {
  return Math.max(
    0,
    Math.min(CALIBRATION_BINS - 1, Math.floor(confidence * CALIBRATION_BINS + 1e-9)),
  );
}

/** A decision the model made with a confidence, and whether it was right. */
interface Decision {
  confidence: number;
  right: boolean;
}

/**
 * The decisions calibration is measured on, whatever the threshold (it is about what a confidence
 * means). Single label: each evaluated document's top class, right when it is the label; a document
 * the service gave no class has no confidence and is left out. Multi label: each (document, class)
 * for the classes returned or labelled, right when the class is a label; a labelled class the
 * service did not return counts with confidence 0.
 */
export function calibrationDecisions(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
): Decision[] {
  const decisions: Decision[] = [];
  for (const item of items) {
    if (!isEvaluated(item)) continue;
    const gold = goldClasses(item, labelMode);
    if (labelMode === 'single') {
      const top = item.predicted[0];
      if (top) decisions.push({ confidence: top.confidence, right: top.category === gold[0] });
      continue;
    }
    const labelled = new Set(gold);
    const seen = new Set<string>();
    for (const { category, confidence } of item.predicted) {
      if (seen.has(category)) continue;
      seen.add(category);
      decisions.push({ confidence, right: labelled.has(category) });
    }
    for (const category of labelled)
      if (!seen.has(category)) decisions.push({ confidence: 0, right: true });
  }
  return decisions;
}

/** The reliability table over 10 equal-width bins, with ECE and MCE (Guo et al. 2017, eq. 3 and 5). */
export function calibrationOf(decisions: readonly Decision[]): Calibration {
  const counts = new Array<number>(CALIBRATION_BINS).fill(0);
  const confidenceSums = new Array<number>(CALIBRATION_BINS).fill(0);
  const rightCounts = new Array<number>(CALIBRATION_BINS).fill(0);
  for (const { confidence, right } of decisions) {
    const bin = binOf(confidence);
    counts[bin] = (counts[bin] ?? 0) + 1;
    confidenceSums[bin] = (confidenceSums[bin] ?? 0) + confidence;
    if (right) rightCounts[bin] = (rightCounts[bin] ?? 0) + 1;
  }
  const total = decisions.length;
  let ece = 0;
  let mce = 0;
  const bins = counts.map((count, bin): CalibrationBin => {
    const low = bin / CALIBRATION_BINS;
    const high = (bin + 1) / CALIBRATION_BINS;
    if (count === 0) return { low, high, count, confidence: undefined, accuracy: undefined };
    const confidence = (confidenceSums[bin] ?? 0) / count;
    const accuracy = (rightCounts[bin] ?? 0) / count;
    const gap = Math.abs(accuracy - confidence);
    ece += (count / total) * gap;
    mce = Math.max(mce, gap);
    return { low, high, count, confidence, accuracy };
  });
  return { bins, decisions: total, ece, mce };
}

export function calibration(items: readonly EvaluationItem[], labelMode: LabelMode): Calibration {
  return calibrationOf(calibrationDecisions(items, labelMode));
}
