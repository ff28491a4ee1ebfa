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
  const [client, setClient] = useState<StatisticsClient>();
  const sent = useRef<readonly EvaluationItem[]>(undefined);
  const [answer, setAnswer] = useState<{
    items: readonly EvaluationItem[];
    value: RunStatistics;
  }>();

  useEffect(() => {
    const created = new StatisticsClient();
    setClient(created);
    return () => {
      created.dispose();
      sent.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!client || items.length === 0) return;
    if (sent.current !== items) {
      client.setItems(items);
      sent.current = items;
    }
    let current = true;
    void client
      .compute({ labelMode, threshold, ...(paired && { paired: paired.slice() }) })
      .then((statistics) => {
        if (!current) return;
        const labelErrors = statistics.labelErrors.map(({ index, ...error }) => ({
          ...error,
          id: items[index]?.id ?? String(index),
        }));
        setAnswer({ items, value: { ...statistics, labelErrors } });
      });
    return () => {
      current = false;
    };
  }, [client, items, labelMode, threshold, paired]);

  return answer?.items === items ? answer.value : undefined;
}
