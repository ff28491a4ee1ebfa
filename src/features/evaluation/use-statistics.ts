import { useEffect, useRef, useState } from 'react';
import type { LabelMode } from '../../service/model';
import type { EvaluationItem } from './evaluation-item';
import type { Statistics } from './statistics/compute-statistics';
import type { LikelyLabelError } from './statistics/label-errors';
import { StatisticsClient } from './statistics/statistics-client';

export interface RunStatistics extends Omit<Statistics, 'labelErrors'> {
  labelErrors: LikelyLabelError[];
}

/**
 * The bootstrap intervals, calibration, likely label errors and precision by threshold of `items`
 * at `threshold`, computed in a worker; undefined until the answer for these items comes. While a
 * newer threshold's answer is on its way the last one stays, so the figures do not flicker.
 */
export function useStatistics(
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
  paired?: Uint8Array,
): RunStatistics | undefined {
  const client = useRef<StatisticsClient>(undefined);
  const sent = useRef<readonly EvaluationItem[]>(undefined);
  const [answer, setAnswer] = useState<{
    items: readonly EvaluationItem[];
    value: RunStatistics;
  }>();

  // One worker for as long as the run is shown; made on first use, so a remount makes a new one.
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = undefined;
      sent.current = undefined;
    },
    [],
  );

  useEffect(() => {
    if (items.length === 0) return;
    client.current ??= new StatisticsClient();
    const worker = client.current;
    if (sent.current !== items) {
      worker.setItems(items);
      sent.current = items;
    }
    let current = true;
    void worker
      .compute({ labelMode, threshold, ...(paired && { paired: paired.slice() }) })
      .then((statistics) => {
        if (!current || !statistics) return;
        const labelErrors = statistics.labelErrors.map(({ index, ...error }) => ({
          ...error,
          id: items[index]?.id ?? String(index),
        }));
        setAnswer({ items, value: { ...statistics, labelErrors } });
      });
    return () => {
      current = false;
    };
  }, [items, labelMode, threshold, paired]);

  return answer?.items === items ? answer.value : undefined;
}
