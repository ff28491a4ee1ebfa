import { BarChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import { formatConfidence } from '../../lib/format';
import type { ClassScore } from '../../service/model';
import { documentChartHeight } from './document-chart-size';

/**
 * One document's classes as a full chart, for a detail panel with several classes (one class is
 * a plain bar). Loaded lazily: the chart library is the heaviest dependency.
 */
export default function DocumentChart({
  documentId,
  scores,
}: {
  documentId: string;
  scores: ClassScore[];
}) {
  const data = scores.map(({ category, confidence }) => ({
    category,
    confidence: Math.round(confidence * 1000) / 10,
  }));
  const summary = scores.map((s) => `${s.category} ${formatConfidence(s.confidence)}`).join(', ');
  return (
    <Box role="img" aria-label={`Confidence chart for ${documentId}`} title={summary}>
      <BarChart
        h={documentChartHeight(data.length)}
        data={data}
        dataKey="category"
        orientation="vertical"
        yAxisProps={{ width: 120 }}
        xAxisProps={{ domain: [0, 100] }}
        barChartProps={{ margin: { right: 56 } }}
        series={[{ name: 'confidence', label: 'Confidence (%)', color: 'blue.6' }]}
        withTooltip={false}
        withBarValueLabel
        valueFormatter={(value) => `${value.toFixed(1)}%`}
        gridAxis="none"
      />
    </Box>
  );
}
