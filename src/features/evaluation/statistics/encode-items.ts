import type { EvaluationItem } from '../evaluation-item';

/**
 * A run's evaluation items as typed arrays, for the statistics worker: posting 100,000 objects
 * would cost the page a structured clone of each; these arrays are transferred whole. Document d's
 * labels are labelClasses[labelOffsets[d] … labelOffsets[d + 1] − 1], its classes likewise.
 */
export interface EncodedItems {
  classes: string[];
  failed: Uint8Array<ArrayBuffer>;
  labelOffsets: Int32Array<ArrayBuffer>;
  labelClasses: Int32Array<ArrayBuffer>;
  predictedOffsets: Int32Array<ArrayBuffer>;
  predictedClasses: Int32Array<ArrayBuffer>;
  predictedConfidences: Float64Array<ArrayBuffer>;
}

export function encodeItems(items: readonly EvaluationItem[]): EncodedItems {
  const index = new Map<string, number>();
  const classes: string[] = [];
  const at = (name: string) => {
    let found = index.get(name);
    if (found === undefined) {
      found = classes.length;
      index.set(name, found);
      classes.push(name);
    }
    return found;
  };
  const n = items.length;
  const failed = new Uint8Array(n);
  const labelOffsets = new Int32Array(n + 1);
  const predictedOffsets = new Int32Array(n + 1);
  const labels: number[] = [];
  const predicted: number[] = [];
  const confidences: number[] = [];
  for (let d = 0; d < n; d++) {
    const item = items[d];
    if (!item) continue;
    failed[d] = item.failed ? 1 : 0;
    for (const label of item.labels) labels.push(at(label));
    for (const score of item.predicted) {
      predicted.push(at(score.category));
      confidences.push(score.confidence);
    }
    labelOffsets[d + 1] = labels.length;
    predictedOffsets[d + 1] = predicted.length;
  }
  return {
    classes,
    failed,
    labelOffsets,
    labelClasses: Int32Array.from(labels),
    predictedOffsets,
    predictedClasses: Int32Array.from(predicted),
    predictedConfidences: Float64Array.from(confidences),
  };
}

/** The items back, each with its index as its id (the page maps indexes to ids). */
export function decodeItems(encoded: EncodedItems): EvaluationItem[] {
  const { classes, failed, labelOffsets, labelClasses, predictedOffsets } = encoded;
  const { predictedClasses, predictedConfidences } = encoded;
  const name = (at: number | undefined) => classes[at ?? 0] ?? '';
  const items: EvaluationItem[] = [];
  for (let d = 0; d < failed.length; d++) {
    const labels: string[] = [];
    for (let e = labelOffsets[d] ?? 0; e < (labelOffsets[d + 1] ?? 0); e++)
      labels.push(name(labelClasses[e]));
    const scores = [];
    for (let e = predictedOffsets[d] ?? 0; e < (predictedOffsets[d + 1] ?? 0); e++)
      scores.push({
        category: name(predictedClasses[e]),
        confidence: predictedConfidences[e] ?? 0,
      });
    items.push({ id: String(d), labels, predicted: scores, failed: failed[d] === 1 });
  }
  return items;
}

/** The arrays to transfer (not copy) with the message. */
export function transferables(encoded: EncodedItems): ArrayBuffer[] {
  const { failed, labelOffsets, labelClasses, predictedOffsets } = encoded;
  const { predictedClasses, predictedConfidences } = encoded;
  return [
    failed,
    labelOffsets,
    labelClasses,
    predictedOffsets,
    predictedClasses,
    predictedConfidences,
  ].map((array) => array.buffer);
}
