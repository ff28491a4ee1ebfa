import type { LabelMode } from '../../service/model';
import type { EvaluationItem } from './evaluation-item';
import { multiLabelMetrics, type MultiLabelMetrics } from './multi-label-metrics';
import { singleLabelMetrics, type SingleLabelMetrics } from './single-label-metrics';

export type Evaluation = SingleLabelMetrics | MultiLabelMetrics;

/** The run's metrics at a threshold (0..1), over the documents that have a label and a result. */
export function evaluate(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
  classesShown?: number,
): Evaluation {
  return labelMode === 'single'
    ? singleLabelMetrics(items, threshold, classesShown)
    : multiLabelMetrics(items, threshold, classesShown);
}
