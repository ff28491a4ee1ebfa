import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, type CSSProperties } from 'react';
import { ConfidenceBars } from './confidence-bars';
import { ClassList, Notes, OpenChartButton } from './result-cells';
import type { ResultsTableProps } from './results-table';
import classes from './results-table.module.css';
import { ariaSort, RESULTS_COLUMNS, SortHeader } from './sort-header';
import type { IndexedResult } from './sort-results';

const HEAD_HEIGHT = 40;
/** A little over a line of small text with its gap, and a row's padding and border. */
const LINE_HEIGHT = 24;
const ROW_PADDING = 16;

/**
 * A row's height from its data: a line per class (at least one) and for the label. Rows are at
 * least this tall, so most measure exactly as estimated and scrolling lays nothing out again.
 */
export function estimateRowHeight(row: IndexedResult | undefined, withLabel: boolean): number {
  if (!row) return ROW_PADDING + LINE_HEIGHT;
  const { result } = row;
  const problems = result.problems ?? [];
  const invalid = problems.filter((problem) => problem.kind === 'invalid-confidence').length;
  const classLines =
    Math.max(1, result.error ? 1 : result.classes.length + invalid) + (withLabel ? 1 : 0);
  const noteLines = result.warnings.length + (result.error ? 1 : 0) + problems.length;
  return ROW_PADDING + LINE_HEIGHT * Math.max(classLines, noteLines);
}

interface RowProps {
  row: IndexedResult;
  index: number;
  start: number;
  minHeight: number;
  label: string | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
  measure: (node: HTMLDivElement | null) => void;
}

const VirtualRow = memo(function VirtualRow({
  row,
  index,
  start,
  minHeight,
  label,
  selected,
  onSelect,
  measure,
}: RowProps) {
  const { result } = row;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      ref={measure}
      className={`${classes.grid} ${classes.row} ${classes.virtualRow}`}
      data-selected={selected || undefined}
      data-odd={index % 2 === 1 || undefined}
      style={{ transform: `translateY(${start}px)`, minHeight }}
    >
      <div role="rowheader" className={classes.cell}>
        <OpenChartButton id={result.id} selected={selected} onSelect={onSelect} />
      </div>
      <div role="cell" className={classes.cell}>
        <ClassList result={result} label={label} />
      </div>
      <div role="cell" className={classes.cell}>
        {result.error ? null : <ConfidenceBars documentId={result.id} scores={result.classes} />}
      </div>
      <div role="cell" className={classes.cell}>
        <Notes result={result} />
      </div>
    </div>
  );
});

/**
 * Only the rows in view (and a few around them) are in the page, so 10,000 results scroll as
 * smoothly as 20. ARIA table roles with row counts and indexes keep it a table for screen readers.
 */
export function VirtualResultsTable({
  rows,
  sort,
  onSort,
  selectedId,
  onSelect,
  labels,
  scrollRef,
}: ResultsTableProps) {
  // Stable per row list: a new key function makes the virtualizer lay out all 10,000 rows again.
  const withLabel = labels !== undefined;
  const estimateSize = useCallback(
    (index: number) => estimateRowHeight(rows[index], withLabel),
    [rows, withLabel],
  );
  // By position in the service's order, not id: a hostile service may repeat an id.
  const getItemKey = useCallback((index: number) => rows[index]?.order ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- its results are read during render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    scrollMargin: HEAD_HEIGHT,
    overscan: 8,
  });
  const style: CSSProperties & Record<'--results-head-height', string> = {
    '--results-head-height': `${HEAD_HEIGHT}px`,
  };
  return (
    <div
      ref={scrollRef}
      role="table"
      aria-labelledby="results-heading"
      aria-rowcount={rows.length + 1}
      className={classes.scroller}
      style={style}
    >
      <div role="rowgroup" className={classes.head}>
        <div role="row" aria-rowindex={1} className={classes.grid}>
          {RESULTS_COLUMNS.map((column) => (
            <div
              role="columnheader"
              key={column.label}
              aria-sort={ariaSort(column, sort)}
              className={classes.cell}
            >
              <SortHeader column={column} sort={sort} onSort={onSort} />
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className={classes.body}
        style={{ height: virtualizer.getTotalSize() - HEAD_HEIGHT }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <VirtualRow
              key={item.key}
              row={row}
              index={item.index}
              start={item.start - HEAD_HEIGHT}
              minHeight={estimateRowHeight(row, withLabel)}
              label={labels?.get(row.result.id)}
              selected={row.result.id === selectedId}
              onSelect={onSelect}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </div>
    </div>
  );
}
