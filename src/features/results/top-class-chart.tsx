import { memo } from 'react';
import { formatCount } from '../../lib/format';
import type { DocumentResult } from '../../service/model';
import classes from './confidence-bars.module.css';

/**
 * How many documents got each class as their top class (errors, "No class" and a top class under
 * the confidence threshold counted apart).
 */
function topClassCounts(
  documents: DocumentResult[],
  threshold = 0,
): { category: string; documents: number }[] {
  const counts = new Map<string, number>();
  for (const document of documents) {
    const [first] = document.classes;
    const top = document.error
      ? 'Error'
      : !first
        ? 'No class'
        : first.confidence < threshold
          ? 'Below threshold'
          : first.category;
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  return [...counts]
    .map(([category, count]) => ({ category, documents: count }))
    .sort((a, b) => b.documents - a.documents || a.category.localeCompare(b.category));
}

/**
 * Plain bars like the per-document charts: an SVG chart library took over 100 ms to mount and
 * re-rendered on every batch of new results, blocking the page while 10,000 rows came in.
 */
export const TopClassChart = memo(function TopClassChart({
  documents,
  threshold,
}: {
  documents: DocumentResult[];
  threshold: number;
}) {
  const data = topClassCounts(documents, threshold);
  // A loop, not Math.max(...spread): a hostile service can send 200,000 distinct classes.
  let most = 1;
  for (const row of data) most = Math.max(most, row.documents);
  const summary = data.map((row) => `${row.category}: ${row.documents}`).join(', ');
  return (
    <div
      role="img"
      aria-label={`Documents per top class. ${summary}`}
      className={classes.chart}
      data-size="lg"
    >
      {data.map((row) => (
        <div key={row.category} className={classes.row} aria-hidden>
          <span className={classes.label} title={row.category}>
            {row.category}
          </span>
          <span className={classes.track}>
            <span className={classes.bar} style={{ width: `${(row.documents / most) * 100}%` }} />
          </span>
          <span className={classes.value}>{formatCount(row.documents)}</span>
        </div>
      ))}
    </div>
  );
});
