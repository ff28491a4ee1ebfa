import '../../components/data-styles';
import { Table } from '@mantine/core';
import { memo } from 'react';
import { rowCells, type RowProps } from './result-cells';
import type { ResultsTableProps } from './results-table-props';
import { SCROLLER_HEIGHT } from './measure-without-layout';
import { rowProps } from './row-props';
import classes from './results-table.module.css';
import { ariaSort, resultsColumns, SortHeader } from './sort-header';

const PlainRow = memo(function PlainRow(props: RowProps) {
  const [header, ...cells] = rowCells(props);
  return (
    <Table.Tr
      className={classes.row}
      data-selected={props.selected || undefined}
      data-active={props.active || undefined}
      aria-current={props.active || undefined}
    >
      <Table.Th scope="row" fw={500}>
        {header?.content}
      </Table.Th>
      {cells.map((cell) => (
        <Table.Td key={cell.key} data-phone-hidden={cell.phoneHidden ? true : undefined}>
          {cell.content}
        </Table.Td>
      ))}
    </Table.Tr>
  );
});

/** Every row rendered: for up to a couple of hundred documents this is cheap and simplest. */
export function PlainResultsTable(props: ResultsTableProps) {
  const { rows, sort, onSort, scrollRef, compare, withLanguage } = props;
  const columns = resultsColumns(compare?.name, withLanguage);
  return (
    <Table.ScrollContainer minWidth={900} maxHeight={SCROLLER_HEIGHT} type="native" ref={scrollRef}>
      <Table aria-labelledby="results-heading" striped verticalSpacing="xs" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th
                scope="col"
                key={column.label}
                aria-sort={ariaSort(column, sort)}
                data-phone-hidden={column.phoneHidden ? true : undefined}
              >
                <SortHeader column={column} sort={sort} onSort={onSort} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <PlainRow key={row.order} {...rowProps(props, row)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
