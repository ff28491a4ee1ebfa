import { UnstyledButton } from '@mantine/core';
import type { ResultsSort, SortColumn } from './sort-results';
import classes from './results-table.module.css';

export interface ResultsColumn {
  label: string;
  sort?: SortColumn;
  /** What the sort button orders by, for its tooltip. */
  sortsBy?: string;
  /** The column's track in the virtual table's grid. */
  width: string;
}

const DOCUMENT: ResultsColumn = {
  label: 'Document',
  sort: 'id',
  sortsBy: 'document id',
  width: 'minmax(110px, 1fr)',
};
const TEXT: ResultsColumn = { label: 'Text', width: 'minmax(200px, 2fr)' };
const CLASSES: ResultsColumn = {
  label: 'Classes',
  sort: 'class',
  sortsBy: 'top class',
  width: 'minmax(170px, 1.4fr)',
};
const CONFIDENCE: ResultsColumn = {
  label: 'Confidence',
  sort: 'confidence',
  sortsBy: 'top confidence',
  width: 'minmax(230px, 2fr)',
};
const NOTES: ResultsColumn = { label: 'Warnings and errors', width: 'minmax(170px, 1.6fr)' };

const WITHOUT_COMPARE = [DOCUMENT, TEXT, CLASSES, CONFIDENCE, NOTES];
const compareColumns = new Map<string, ResultsColumn[]>();

/** The table's columns, in order; with another run's name, a column "In <name>" for its classes. */
export function resultsColumns(compareName: string | undefined): ResultsColumn[] {
  if (compareName === undefined) return WITHOUT_COMPARE;
  let columns = compareColumns.get(compareName);
  if (!columns) {
    const other: ResultsColumn = { label: `In ${compareName}`, width: 'minmax(140px, 1fr)' };
    columns = [DOCUMENT, TEXT, CLASSES, other, CONFIDENCE, NOTES];
    compareColumns.set(compareName, columns);
  }
  return columns;
}

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
