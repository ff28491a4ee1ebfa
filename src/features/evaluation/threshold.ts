import type { ClassScore, LabelMode } from '../../service/model';

/**
 * A class is kept when its confidence is at least the threshold (>=, not >): threshold 0 keeps every
 * class, and threshold 1 (100%) keeps only classes the service is fully sure of.
 */
export function isKept(confidence: number, threshold: number): boolean {
  return confidence >= threshold;
}

/**
 * The classes a document keeps after the threshold. Single label: the top class, or none when its
 * confidence is below the threshold ("Below threshold"). Multi label: every class at or above it,
 * once each.
 */
export function keptClasses(
  predicted: readonly ClassScore[],
  labelMode: LabelMode,
  threshold: number,
): string[] {
  if (labelMode === 'single') {
    const top = predicted[0];
    return top && isKept(top.confidence, threshold) ? [top.category] : [];
  }
  const kept = new Set<string>();
  for (const score of predicted) if (isKept(score.confidence, threshold)) kept.add(score.category);
  return [...kept];
}

/** Whether the threshold took a class away: the top class (single) or any class (multi). */
export function lostToThreshold(
  predicted: readonly ClassScore[],
  labelMode: LabelMode,
  threshold: number,
): boolean {
  if (labelMode === 'single') {
    const top = predicted[0];
    return top !== undefined && !isKept(top.confidence, threshold);
  }
  return predicted.some((score) => !isKept(score.confidence, threshold));
}

/** The same classes in any order: one class for single label, a set for multi label. */
export function sameClasses(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((category) => set.has(category));
}
