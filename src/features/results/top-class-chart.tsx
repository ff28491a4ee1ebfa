import { BarChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import type { DocumentResult } from '../../service/model';

/** How many documents got each class as their top class (errors and "No class" counted apart). */
export function topClassCounts(
  documents: DocumentResult[],
): { category: string; documents: number }[] {
  const counts = new Map<string, number>();
  for (const document of documents) {
    const top = document.error ? 'Error' : (document.classes[0]?.category ?? 'No class');
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  return [...counts]
    .map(([category, count]) => ({ category, documents: count }))
    .sort((a, b) => b.documents - a.documents || a.category.localeCompare(b.category));
}

export default function TopClassChart({ documents }: { documents: DocumentResult[] }) {
  const data = topClassCounts(documents);
  const summary = data.map((row) => `${row.category}: ${row.documents}`).join(', ');
  return (
    <Box role="img" aria-label={`Documents per top class. ${summary}`}>
      <BarChart
        h={Math.max(120, data.length * 36 + 40)}
        data={data}
        dataKey="category"
        orientation="vertical"
        yAxisProps={{ width: 110 }}
        xAxisProps={{ allowDecimals: false, domain: [0, 'dataMax'] }}
        series={[{ name: 'documents', label: 'Documents', color: 'blue.6' }]}
        withTooltip={false}
        withBarValueLabel
        gridAxis="none"
      />
    </Box>
  );
}
