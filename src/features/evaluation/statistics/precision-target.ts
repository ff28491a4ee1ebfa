import type { LabelMode } from '../../../service/model';
import { goldClasses, isEvaluated, type EvaluationItem } from '../evaluation-item';
import { isKept } from '../threshold';

/** The slider's thresholds: 0%, 1%, …, 100%. */
const STEPS = 100;

export interface PrecisionAtThreshold {
  /** A slider threshold, 0..1 in steps of 0.01. */
  threshold: number;
  /** Accuracy on kept (single) or micro precision of the kept classes (multi). */
  precision: number;
  /** Evaluated documents that keep a class at this threshold / evaluated. */
  coverage: number;
}

/** The highest slider step a confidence passes (the same `>=` as the threshold itself). */
function stepOf(confidence: number): number {
  let step = Math.min(STEPS, Math.max(0, Math.floor(confidence * STEPS)));
  if (step < STEPS && isKept(confidence, (step + 1) / STEPS)) step += 1;
  while (step > 0 && !isKept(confidence, step / STEPS)) step -= 1;
  return step;
}

/**
 * Precision and coverage at every slider threshold, in one pass: each decision is counted at the
 * highest step it passes, and a suffix sum gives what each step keeps. O(n + 100).
 */
export function precisionByThreshold(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
): PrecisionAtThreshold[] {
  const kept = new Array<number>(STEPS + 1).fill(0);
  const right = new Array<number>(STEPS + 1).fill(0);
  const documents = new Array<number>(STEPS + 1).fill(0);
  let evaluated = 0;
  for (const item of items) {
    if (!isEvaluated(item)) continue;
    evaluated += 1;
    const gold = new Set(goldClasses(item, labelMode));
    const decisions = labelMode === 'single' ? item.predicted.slice(0, 1) : item.predicted;
    let highest = -1;
    const seen = new Set<string>();
    for (const { category, confidence } of decisions) {
      if (seen.has(category)) continue;
      seen.add(category);
      const step = stepOf(confidence);
      kept[step] = (kept[step] ?? 0) + 1;
      if (gold.has(category)) right[step] = (right[step] ?? 0) + 1;
      highest = Math.max(highest, step);
    }
    if (highest >= 0) documents[highest] = (documents[highest] ?? 0) + 1;
  }
  const points: PrecisionAtThreshold[] = [];
  let keptSum = 0;
  let rightSum = 0;
  let documentSum = 0;
  for (let step = STEPS; step >= 0; step--) {
    keptSum += kept[step] ?? 0;
    rightSum += right[step] ?? 0;
    documentSum += documents[step] ?? 0;
    points.push({
      threshold: step / STEPS,
      precision: keptSum === 0 ? 0 : rightSum / keptSum,
      coverage: evaluated === 0 ? 0 : documentSum / evaluated,
    });
  }
  return points.reverse();
}

/**
 * The lowest slider threshold whose precision is at least `target` (0..1) while keeping some
 * document; undefined when none reaches it. Precision need not rise with the threshold, so every
 * step is looked at.
 */
export function lowestThresholdFor(
  points: readonly PrecisionAtThreshold[],
  target: number,
): PrecisionAtThreshold | undefined {
  return points.find((point) => point.coverage > 0 && point.precision >= target - 1e-12);
}
