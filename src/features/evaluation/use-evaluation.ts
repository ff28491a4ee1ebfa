import { useDeferredValue, useState } from 'react';
import { lastCall } from '../../lib/last-call';
import { NameOrder } from '../../lib/name-order';
import type { LabelMode } from '../../service/model';
import { byName } from './class-metrics';
import { coverageCurve } from './coverage-curve';
import { mismatchIds, rememberingMarks } from './document-marks';
import { EvaluationAccumulator } from './evaluation-accumulator';
import type { EvaluationItem } from './evaluation-item';

/**
 * The accumulator's figures for `items` at `threshold`: only new results are counted, and a new
 * threshold counts again only the documents it changes (see the accumulator).
 */
function snapshotOf(
  accumulator: EvaluationAccumulator,
  items: readonly EvaluationItem[],
  threshold: number,
  classesShown: number | undefined,
) {
  // Counting is idempotent: a second call with the same items changes nothing.
  accumulator.update(items);
  accumulator.moveTo(threshold);
  return accumulator.snapshot(classesShown);
}

/** What the evaluation works out, each remembering its last answer (lib/last-call.ts). */
function evaluationCaches() {
  // The class names' order outlives a label mode: a new accumulator does not sort them again.
  const order = new NameOrder(byName);
  return {
    curve: lastCall(coverageCurve),
    accumulator: lastCall((labelMode: LabelMode) => new EvaluationAccumulator(labelMode, 0, order)),
    snapshot: lastCall(snapshotOf),
    marks: lastCall(rememberingMarks()),
    mismatches: lastCall(mismatchIds),
  };
}

/**
 * Everything the evaluation shows: the curve only when the items change, the rest when the
 * threshold does too. The metrics are accumulated: new results are counted as they arrive, not the
 * whole run again, and a new threshold counts only the documents it changes
 * (evaluation-accumulator.ts). The threshold is
 * deferred so the slider stays responsive on 10,000 documents. Each part remembers its last answer
 * outside React's memos, which an interrupted render throws away. Pass a stable `items` array
 * whose unchanged documents keep their objects.
 */
export function useEvaluation(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
  classesShown?: number,
) {
  const applied = useDeferredValue(threshold);
  const [caches] = useState(evaluationCaches);
  const curve = caches.curve(items, labelMode);
  const evaluation = caches.snapshot(caches.accumulator(labelMode), items, applied, classesShown);
  const marks = caches.marks(items, labelMode, applied);
  const mismatches = caches.mismatches(marks);
  return { threshold: applied, evaluation, curve, marks, mismatches };
}
