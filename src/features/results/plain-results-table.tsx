import { Table } from '@mantine/core';
import { memo } from 'react';
import { ConfidenceBars } from './confidence-bars';
import { ClassList, Notes, OpenChartButton } from './result-cells';
import type { ResultsTableProps } from './results-table';
import classes from './results-table.module.css';
import { ariaSort, RESULTS_COLUMNS, SortHeader } from './sort-header';
import type { IndexedResult } from './sort-results';

interface RowProps {
  row: IndexedResult;
  label: string | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
}

const PlainRow = memo(function PlainRow({ row, label, selected, onSelect }: RowProps) {
  const { result } = row;
  return (
    <Table.Tr className={classes.row} data-selected={selected || undefined}>
      <Table.Th scope="row" fw={500}>
        <OpenChartButton id={result.id} selected={selected} onSelect={onSelect} />
      </Table.Th>
      <Table.Td>
        <ClassList result={result} label={label} />
      </Table.Td>
      <Table.Td>
        {result.error ? null : <ConfidenceBars documentId={result.id} scores={result.classes} />}
      </Table.Td>
      <Table.Td>
        <Notes result={result} />
      </Table.Td>
    </Table.Tr>
  );
});

/** Every row rendered: for up to a couple of hundred documents this is cheap and simplest. */
export function PlainResultsTable({
  rows,
  sort,
  onSort,
  selectedId,
  onSelect,
  labels,
  scrollRef,
}: ResultsTableProps) {
  return (
    <Table.ScrollContainer minWidth={720} maxHeight={560} type="native" ref={scrollRef}>
      <Table aria-labelledby="results-heading" striped verticalSpacing="xs" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {RESULTS_COLUMNS.map((column) => (
              <Table.Th scope="col" key={column.label} aria-sort={ariaSort(column, sort)}>
                <SortHeader column={column} sort={sort} onSort={onSort} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <PlainRow
              key={row.order}
              row={row}
              label={labels?.get(row.result.id)}
              selected={row.result.id === selectedId}
              onSelect={onSelect}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
