import '../../components/data-styles';
import { Table, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
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
            {matrix.columns.map((column) => (
              <Table.Th scope="col" key={bucketKey(column)}>
                {bucketName(matrix, column)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.rows.map((row, rowIndex) => (
            <Table.Tr key={bucketKey(row)}>
              <Table.Th scope="row">{bucketName(matrix, row)}</Table.Th>
              {matrix.columns.map((column, columnIndex) => {
                const count = matrix.counts[rowIndex]?.[columnIndex] ?? 0;
                // The other classes against the other classes is not a match.
                const diagonal = row === column && row !== OTHER;
                const pressed = selected?.row === row && selected.column === column;
                return (
                  <Table.Td
                    key={bucketKey(column)}
                    className={diagonal ? classes.diagonal : undefined}
                  >
                    {count === 0 ? (
                      <span className={`${classes.cell} ${classes.empty}`}>
                        {diagonal && <span aria-hidden>✓ </span>}0
                      </span>
                    ) : (
                      <UnstyledButton
                        className={classes.cell}
                        aria-pressed={pressed}
                        aria-label={cellName(
                          count,
                          bucketName(matrix, row),
                          bucketName(matrix, column),
                          diagonal,
                        )}
                        onClick={() => onSelect(row, column)}
                      >
                        {diagonal && <span aria-hidden>✓ </span>}
                        {count}
                      </UnstyledButton>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});
