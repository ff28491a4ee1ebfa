import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type CSSProperties } from 'react';
import {
  observeScrollerRect,
  rowHeight,
  scrollUnlessNew,
  SCROLLER_HEIGHT,
} from './measure-without-layout';
import { rowCells, type RowProps } from './result-cells';
import type { ResultsCursor, ResultsTableProps } from './results-table-props';
import { rowProps } from './row-props';
import classes from './results-table.module.css';
import { ariaSort, resultsColumns, SortHeader } from './sort-header';
import type { IndexedResult } from './sort-results';

const HEAD_HEIGHT = 40;
/** A little over a line of small text with its gap, and a row's padding and border. */
const LINE_HEIGHT = 24;
const ROW_PADDING = 16;
/** About what one line of the Text column holds at its narrowest. */
const TEXT_LINE_CHARACTERS = 40;

/**
 * A row's height from its data: a line per class (at least one), for the label and correction,
 * and up to two for the text. Rows are at least this tall, so most measure exactly as estimated
 * and scrolling lays nothing out again.
 */
function estimateRowHeight(row: IndexedResult | undefined, withLabel: boolean): number {
  if (!row) return ROW_PADDING + LINE_HEIGHT;
  const { result, item } = row;
  const problems = result.problems ?? [];
  const invalid = problems.filter((problem) => problem.kind === 'invalid-confidence').length;
  const classLines =
    Math.max(1, result.error ? 1 : result.classes.length + invalid) +
    (withLabel ? 1 : 0) +
    (item.correction ? 1 : 0);
  const noteLines = result.warnings.length + (result.error ? 1 : 0) + problems.length;
  const textLines = item.text.length > TEXT_LINE_CHARACTERS || item.text.includes('\n') ? 2 : 1;
  return ROW_PADDING + LINE_HEIGHT * Math.max(classLines, noteLines, textLines);
}

const VirtualRow = memo(function VirtualRow({
  index,
  start,
  minHeight,
  measure,
  ...props
}: RowProps & {
  index: number;
  start: number;
  minHeight: number;
  measure: (node: HTMLDivElement | null) => void;
}) {
  const [header, ...cells] = rowCells(props);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-current={props.active || undefined}
      data-index={index}
      ref={measure}
      className={`${classes.grid} ${classes.row} ${classes.virtualRow}`}
      data-selected={props.selected || undefined}
      data-active={props.active || undefined}
      data-odd={index % 2 === 1 || undefined}
      style={{ transform: `translateY(${start}px)`, minHeight }}
    >
      <div role="rowheader" className={classes.cell}>
        {header?.content}
      </div>
      {cells.map((cell) => (
        <div
          role="cell"
          className={classes.cell}
          key={cell.key}
          data-phone-hidden={cell.phoneHidden ? true : undefined}
        >
          {cell.content}
        </div>
      ))}
    </div>
  );
});

/**
 * Only the rows in view (and a few around them) are in the page, so 10,000 results scroll as
 * smoothly as 20. ARIA table roles with row counts and indexes keep it a table for screen readers.
 */
export function VirtualResultsTable(props: ResultsTableProps) {
  const { rows, sort, onSort, scrollRef, withLabels, cursor, compare, withLanguage } = props;
  const columns = resultsColumns(compare?.name, withLanguage);
  // Stable per row list: a new key function makes the virtualizer lay out all 10,000 rows again.
  const estimateSize = useCallback(
    (index: number) => estimateRowHeight(rows[index], withLabels),
    [rows, withLabels],
  );
  // By position in input order, not id: a hostile service may repeat an id.
  const getItemKey = useCallback((index: number) => rows[index]?.order ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- its results are read during render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    scrollMargin: HEAD_HEIGHT,
    overscan: 8,
    // Sizes from ResizeObserver entries, never read in a commit (measure-without-layout.ts).
    initialRect: { width: 0, height: SCROLLER_HEIGHT },
    observeElementRect: observeScrollerRect,
    measureElement: rowHeight,
    scrollToFn: scrollUnlessNew,
  });
  // The review keys moved to a row that may not be rendered: bring it in, and its button takes the focus.
  const scrolledFor = useRef<ResultsCursor>(undefined);
  useEffect(() => {
    // Once per move: new results coming in must not pull the view back to the row.
    if (!cursor || cursor.moved === 0 || scrolledFor.current === cursor) return;
    scrolledFor.current = cursor;
    const index = rows.findIndex((row) => row.result.id === cursor.id);
    if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [cursor, rows, virtualizer]);
  const style: CSSProperties &
    Record<'--results-head-height' | '--results-scroller-height' | '--results-columns', string> = {
    '--results-head-height': `${HEAD_HEIGHT}px`,
    '--results-scroller-height': `${SCROLLER_HEIGHT}px`,
    '--results-columns': columns.map((column) => column.width).join(' '),
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
          {columns.map((column) => (
            <div
              role="columnheader"
              key={column.label}
              aria-sort={ariaSort(column, sort)}
              className={classes.cell}
              data-phone-hidden={column.phoneHidden ? true : undefined}
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
              {...rowProps(props, row)}
              index={item.index}
              start={item.start - HEAD_HEIGHT}
              minHeight={estimateRowHeight(row, withLabels)}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </div>
    </div>
  );
}
