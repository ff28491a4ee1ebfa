import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { memo, useId, useMemo } from 'react';
import type { LabelMode } from '../../service/model';
import { curvePointAt, type CurvePoint } from './coverage-curve';
import classes from './evaluation.module.css';
import { formatPercent } from './format-metric';

const WIDTH = 320;
const HEIGHT = 180;
const LEFT = 36;
const BOTTOM = 24;
const TOP = 8;
// Room for half of the last tick's "100%", which is centred on the axis's end.
const RIGHT = 20;
const SUMMARY_THRESHOLDS = [0, 0.5, 0.7, 0.8, 0.9];

const x = (coverage: number) => LEFT + coverage * (WIDTH - LEFT - RIGHT);
const y = (value: number) => TOP + (1 - value) * (HEIGHT - TOP - BOTTOM);

/** One path over every point, skipping those that land on the previous pixel. */
function curvePath(curve: readonly CurvePoint[]): string {
  let path = '';
  let last = '';
  for (const point of curve) {
    const at = `${x(point.coverage).toFixed(1)},${y(point.value).toFixed(1)}`;
    if (at === last) continue;
    path += `${path === '' ? 'M' : 'L'}${at}`;
    last = at;
  }
  return path;
}

function describe(point: CurvePoint, metric: string): string {
  return `At ${formatPercent(point.threshold)}: coverage ${formatPercent(point.coverage)}, ${metric.toLowerCase()} ${formatPercent(point.value)}`;
}

/**
 * Plain SVG, like the results charts: the metric on the kept documents against coverage, with the
 * current threshold marked. The text alternative names a few thresholds.
 */
export const CoverageChart = memo(function CoverageChart({
  curve,
  labelMode,
  threshold,
}: {
  curve: readonly CurvePoint[];
  labelMode: LabelMode;
  threshold: number;
}) {
  const summaryId = useId();
  const metric = labelMode === 'single' ? 'Accuracy' : 'Micro F1';
  const path = useMemo(() => curvePath(curve), [curve]);
  const summary = useMemo(
    () =>
      SUMMARY_THRESHOLDS.map((at) =>
        describe({ ...curvePointAt(curve, at), threshold: at }, metric),
      ).join('. '),
    [curve, metric],
  );
  if (curve.length === 0) {
    return <Text size="sm">No labelled results to chart yet.</Text>;
  }
  const current = curvePointAt(curve, threshold);
  return (
    <Stack gap={4}>
      <svg
        role="img"
        aria-label={`${metric} against coverage`}
        aria-describedby={summaryId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={classes.chart}
      >
        <g aria-hidden>
          <line className={classes.axis} x1={LEFT} y1={y(0)} x2={x(1)} y2={y(0)} />
          <line className={classes.axis} x1={LEFT} y1={y(0)} x2={LEFT} y2={y(1)} />
          {[0, 0.5, 1].map((tick) => (
            <g key={tick}>
              <text className={classes.tick} x={x(tick)} y={HEIGHT - 8} textAnchor="middle">
                {tick * 100}%
              </text>
              <text className={classes.tick} x={LEFT - 4} y={y(tick) + 3} textAnchor="end">
                {tick * 100}%
              </text>
            </g>
          ))}
          <path className={classes.curve} d={path} />
          <circle className={classes.marker} cx={x(current.coverage)} cy={y(current.value)} r={5} />
        </g>
      </svg>
      <VisuallyHidden id={summaryId}>{summary}.</VisuallyHidden>
      <Text size="xs" c="dimmed">
        {metric} (up) against coverage (across) over all thresholds.{' '}
        {describe({ ...current, threshold }, metric)}.
      </Text>
    </Stack>
  );
});
