import type { LabelMode } from '../../service/model';
import { f1Score, ratio } from './class-metrics';
import { goldClasses, isEvaluated, type EvaluationItem } from './evaluation-item';

export interface CurvePoint {
  threshold: number;
  /** Share of evaluated documents that keep a class at this threshold. */
  coverage: number;
  /** Accuracy (single label) or micro F1 (multi label) on the kept documents. */
  value: number;
  kept: number;
}

/** A confidence reached by a document (single: its top class) and what keeping it adds. */
interface Step {
  confidence: number;
  /** Index of the document, so a multi-label document is counted as kept once. */
  document: number;
  /** Single: the top class is the label. Multi: the class is one of the labels. */
  hit: boolean;
}

/**
 * The metric against coverage at threshold 0 and at every distinct confidence, ascending by
 * threshold. One sort of the steps, then one sweep from the highest confidence down: O(n log n).
 * Each point agrees with `evaluate` at that threshold (coverage, keptAccuracy / keptMicroF1).
 */
export function coverageCurve(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
): CurvePoint[] {
  const evaluated = items.filter(isEvaluated);
  if (evaluated.length === 0) return [];
  const steps: Step[] = [];
  const goldCounts: number[] = [];
  evaluated.forEach((item, document) => {
    const gold = goldClasses(item, labelMode);
    goldCounts.push(gold.length);
    if (labelMode === 'single') {
      const top = item.predicted[0];
      if (top) steps.push({ confidence: top.confidence, document, hit: top.category === gold[0] });
      return;
    }
    const goldSet = new Set(gold);
    const seen = new Set<string>();
    for (const score of item.predicted) {
      if (seen.has(score.category)) continue;
      seen.add(score.category);
      steps.push({ confidence: score.confidence, document, hit: goldSet.has(score.category) });
    }
  });
  steps.sort((a, b) => b.confidence - a.confidence);

  const keptDocuments = new Uint8Array(evaluated.length);
  let kept = 0;
  let hits = 0;
  let misses = 0;
  let goldOfKept = 0;
  const value = () =>
    labelMode === 'single' ? ratio(hits, kept) : f1Score(hits, misses, goldOfKept - hits);
  const points: CurvePoint[] = [];
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index];
    if (!step) continue;
    if (keptDocuments[step.document] === 0) {
      keptDocuments[step.document] = 1;
      kept += 1;
      goldOfKept += goldCounts[step.document] ?? 0;
    }
    if (step.hit) hits += 1;
    else misses += 1;
    // A point once every step at this confidence is in: the threshold keeps all of them or none.
    if (steps[index + 1]?.confidence !== step.confidence) {
      points.push({
        threshold: step.confidence,
        coverage: kept / evaluated.length,
        value: value(),
        kept,
      });
    }
  }
  const lowest = points.at(-1);
  if (lowest?.threshold !== 0) {
    points.push({ threshold: 0, coverage: kept / evaluated.length, value: value(), kept });
  }
  return points.reverse();
}

/** The point in effect at a threshold: the first at or above it (nothing kept above the highest). */
export function curvePointAt(curve: readonly CurvePoint[], threshold: number): CurvePoint {
  let low = 0;
  let high = curve.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((curve[middle]?.threshold ?? Infinity) < threshold) low = middle + 1;
    else high = middle;
  }
  return curve[low] ?? { threshold, coverage: 0, value: 0, kept: 0 };
}
