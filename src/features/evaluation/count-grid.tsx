import '../../components/data-styles';
import { Table } from '@mantine/core';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { bucketKey, bucketName, OTHER, type Bucket, type CountMatrix } from './count-matrix';
import classes from './evaluation.module.css';

interface CountGridProps {
  /** The table's accessible name. */
  name: string;
  matrix: CountMatrix;
  rowAxis: string;
  columnAxis: string;
  /** The accessible name of a cell's button, e.g. "12 documents labelled Billing, predicted Account". */
  cellName: (count: number, row: string, column: string, diagonal: boolean) => string;
  selected: { row: Bucket; column: Bucket } | undefined;
  onSelect: (row: Bucket, column: Bucket) => void;
}

/**
 * A matrix of document counts; the diagonal (same bucket on both axes) is bold with a "✓", and each
 * non-empty cell is a toggle button. The matrix comes folded to the most frequent classes (see
 * count-matrix.ts), so it stays a few thousand cells at most however many classes there are.
 */
export const CountGrid = memo(function CountGrid({
  name,
  matrix,
  rowAxis,
  columnAxis,
  cellName,
  selected,
  onSelect,
}: CountGridProps) {
  const columnNames = matrix.columns.map((column) => bucketName(matrix, column));
  // One callback for every row whatever the parent passes, so a new arrow there re-renders no row.
  const latestSelect = useRef(onSelect);
  useLayoutEffect(() => {
    latestSelect.current = onSelect;
  });
  const select = useCallback(
    (row: Bucket, column: Bucket) => latestSelect.current(row, column),
    [],
  );
  return (
    <Table.ScrollContainer minWidth={0} maxHeight={480} type="native">
      <Table aria-label={name} className={classes.matrix} withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Td />
            <Table.Th scope="colgroup" colSpan={matrix.columns.length}>
              {columnAxis}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="col">{rowAxis}</Table.Th>
            {matrix.columns.map((column, columnIndex) => (
              <Table.Th scope="col" key={bucketKey(column)}>
                {columnNames[columnIndex]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.rows.map((row, rowIndex) => (
            <GridRow
              key={bucketKey(row)}
              row={row}
              rowName={bucketName(matrix, row)}
              columns={matrix.columns}
              columnNames={columnNames}
              counts={matrix.counts[rowIndex] ?? []}
              selectedColumn={selected?.row === row ? selected.column : NONE}
              cellName={cellName}
              onSelect={select}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

/** No column selected in a row (undefined cannot say it: `null` is the no-class column). */
const NONE: unique symbol = Symbol('no column');

interface GridRowProps {
  row: Bucket;
  rowName: string;
  columns: Bucket[];
  columnNames: string[];
  counts: number[];
  selectedColumn: Bucket | typeof NONE;
  cellName: CountGridProps['cellName'];
  onSelect: CountGridProps['onSelect'];
}

const sameList = <T,>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * One row, re-rendered only when its own counts, names or selection change: while a run fills a
 * matrix of 50 classes, most rows stay as they were between two updates. Plain elements with
 * Mantine's table classes, not `Table.Td`: a styled Box per cell cost ~0.05 ms × 2,600 cells.
 */
const GridRow = memo(
  function GridRow({
    row,
    rowName,
    columns,
    columnNames,
    counts,
    selectedColumn,
    cellName,
    onSelect,
  }: GridRowProps) {
    return (
      <tr className={Table.classes.tr} data-with-row-border>
        <th className={Table.classes.th} data-with-column-border scope="row">
          {rowName}
        </th>
        {columns.map((column, columnIndex) => {
          const count = counts[columnIndex] ?? 0;
          // The other classes against the other classes is not a match.
          const diagonal = row === column && row !== OTHER;
          const className = diagonal ? `${Table.classes.td} ${classes.diagonal}` : Table.classes.td;
          // An empty cell is its text alone, no box of its own: most cells of a big matrix are
          // empty, and their boxes were about a quarter of its layout objects.
          if (count === 0) {
            return (
              <td
                key={bucketKey(column)}
                className={`${className} ${classes.empty}`}
                data-with-column-border
              >
                {diagonal && <span aria-hidden>✓ </span>}0
              </td>
            );
          }
          return (
            <td key={bucketKey(column)} className={className} data-with-column-border>
              <button
                type="button"
                className={classes.cell}
                aria-pressed={selectedColumn === column}
                aria-label={cellName(count, rowName, columnNames[columnIndex] ?? '', diagonal)}
                onClick={() => onSelect(row, column)}
              >
                {diagonal && <span aria-hidden>✓ </span>}
                {count}
              </button>
            </td>
          );
        })}
      </tr>
    );
  },
  (before, after) =>
    before.row === after.row &&
    before.rowName === after.rowName &&
    before.selectedColumn === after.selectedColumn &&
    before.cellName === after.cellName &&
    before.onSelect === after.onSelect &&
    sameList(before.columns, after.columns) &&
    sameList(before.columnNames, after.columnNames) &&
    sameList(before.counts, after.counts),
);
