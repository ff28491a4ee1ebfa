import { useDeferredValue, useMemo } from 'react';
import type { LabelMode } from '../../service/model';
import { coverageCurve } from './coverage-curve';
import { documentMarks, mismatchIds } from './document-marks';
import { evaluate } from './evaluate';
import type { EvaluationItem } from './evaluation-item';

/**
 * Everything the evaluation shows, memoised: the curve only when the items change, the rest when the
 * threshold does. The threshold is deferred so the slider stays responsive on 10,000 documents.
 * Pass a stable `items` array (memoise it where it is built).
 */
export function useEvaluation(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
) {
  const applied = useDeferredValue(threshold);
  const curve = useMemo(() => coverageCurve(items, labelMode), [items, labelMode]);
  const evaluation = useMemo(
    () => evaluate(items, labelMode, applied),
    [items, labelMode, applied],
  );
  const marks = useMemo(
    () => documentMarks(items, labelMode, applied),
    [items, labelMode, applied],
  );
  const mismatches = useMemo(() => mismatchIds(marks), [marks]);
  return { threshold: applied, evaluation, curve, marks, mismatches };
}
