import { useDeferredValue, useMemo } from 'react';
import type { LabelMode } from '../../service/model';
import { coverageCurve } from './coverage-curve';
import { documentMarks, mismatchIds } from './document-marks';
import { EvaluationAccumulator } from './evaluation-accumulator';
import type { EvaluationItem } from './evaluation-item';

/**
 * Everything the evaluation shows, memoised: the curve only when the items change, the rest when the
 * threshold does. The metrics are accumulated: new results are counted as they arrive, not the
 * whole run again (see evaluation-accumulator.ts); a new threshold counts afresh. The threshold is
 * deferred so the slider stays responsive on 10,000 documents. Pass a stable `items` array whose
 * unchanged documents keep their objects.
 */
export function useEvaluation(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
  classesShown?: number,
) {
  const applied = useDeferredValue(threshold);
  const curve = useMemo(() => coverageCurve(items, labelMode), [items, labelMode]);
  const accumulator = useMemo(
    () => new EvaluationAccumulator(labelMode, applied),
    [labelMode, applied],
  );
  const evaluation = useMemo(() => {
    // Counting is idempotent: a second call with the same items (Strict Mode) changes nothing.
    accumulator.update(items);
    return accumulator.snapshot(classesShown);
  }, [accumulator, items, classesShown]);
  const marks = useMemo(
    () => documentMarks(items, labelMode, applied),
    [items, labelMode, applied],
  );
  const mismatches = useMemo(() => mismatchIds(marks), [marks]);
  return { threshold: applied, evaluation, curve, marks, mismatches };
}
