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

/** Documents encoded between two chances for the page to paint (a few ms each). */
const SLICE = 5_000;

/**
 * Encodes in slices of `slice` documents, yielding between them: one pass sizes the arrays, the
 * next fills them. Run to the end at once (`encodeItems`) or a slice per task (`encodeItemsSliced`).
 */
function* encodeSteps(
  items: readonly EvaluationItem[],
  slice: number,
): Generator<void, EncodedItems> {
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
  let labelCount = 0;
  let predictedCount = 0;
  for (const item of items) {
    labelCount += item.labels.length;
    predictedCount += item.predicted.length;
  }
  yield;
  const failed = new Uint8Array(n);
  const labelOffsets = new Int32Array(n + 1);
  const predictedOffsets = new Int32Array(n + 1);
  const labelClasses = new Int32Array(labelCount);
  const predictedClasses = new Int32Array(predictedCount);
  const predictedConfidences = new Float64Array(predictedCount);
  let label = 0;
  let predicted = 0;
  for (let d = 0; d < n; d++) {
    if (d > 0 && d % slice === 0) yield;
    const item = items[d];
    if (item) {
      failed[d] = item.failed ? 1 : 0;
      for (const name of item.labels) labelClasses[label++] = at(name);
      for (const score of item.predicted) {
        predictedClasses[predicted] = at(score.category);
        predictedConfidences[predicted++] = score.confidence;
      }
    }
    labelOffsets[d + 1] = label;
    predictedOffsets[d + 1] = predicted;
  }
  return {
    classes,
    failed,
    labelOffsets,
    labelClasses,
    predictedOffsets,
    predictedClasses,
    predictedConfidences,
  };
}

export function encodeItems(items: readonly EvaluationItem[]): EncodedItems {
  const steps = encodeSteps(items, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same encoding a slice per task, so 100,000 documents never hold the page for one long task:
 * `pause` is awaited between slices (yieldToPage on the page).
 */
export async function encodeItemsSliced(
  items: readonly EvaluationItem[],
  pause: () => Promise<void>,
  slice = SLICE,
): Promise<EncodedItems> {
  const steps = encodeSteps(items, slice);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
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
