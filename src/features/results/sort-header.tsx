import { UnstyledButton } from '@mantine/core';
import type { ResultsSort, SortColumn } from './sort-results';
import classes from './results-table.module.css';

export interface ResultsColumn {
  label: string;
  sort?: SortColumn;
  /** What the sort button orders by, for its tooltip. */
  sortsBy?: string;
}

export const RESULTS_COLUMNS: ResultsColumn[] = [
  { label: 'Document', sort: 'id', sortsBy: 'document id' },
  { label: 'Classes', sort: 'class', sortsBy: 'top class' },
  { label: 'Confidence', sort: 'confidence', sortsBy: 'top confidence' },
  { label: 'Warnings and errors' },
];

export function ariaSort(column: ResultsColumn, sort: ResultsSort | undefined) {
  return column.sort && sort?.column === column.sort ? sort.direction : undefined;
}

export function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: ResultsColumn;
  sort: ResultsSort | undefined;
  onSort: (column: SortColumn) => void;
}) {
  const { sort: by } = column;
  if (!by) return column.label;
  const direction = ariaSort(column, sort);
  return (
    <UnstyledButton
      className={classes.sort}
      data-sorted={direction ? true : undefined}
      title={`Sort by ${column.sortsBy ?? column.label}`}
      onClick={() => onSort(by)}
    >
      {column.label}
      <span className={classes.arrow} aria-hidden>
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
      </span>
    </UnstyledButton>
  );
}
