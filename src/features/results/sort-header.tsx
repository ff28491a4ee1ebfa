import { UnstyledButton } from '@mantine/core';
import type { ResultsSort, SortColumn } from './sort-results';
import classes from './results-table.module.css';

interface ResultsColumn {
  label: string;
  sort?: SortColumn;
  /** What the sort button orders by, for its tooltip. */
  sortsBy?: string;
  /** The column's track in the virtual table's grid. */
  width: string;
  /** Left out on a phone, where the row's detail shows it. */
  phoneHidden?: boolean;
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
/** The language the service detected (preview versions that detect languages). */
const LANGUAGE: ResultsColumn = {
  label: 'Detected language',
  width: 'minmax(110px, 0.8fr)',
  phoneHidden: true,
};
const NOTES: ResultsColumn = { label: 'Warnings and errors', width: 'minmax(170px, 1.6fr)' };

const columnLists = new Map<string, ResultsColumn[]>();

/**
 * The table's columns, in order; with another run's name, a column "In <name>" for its classes;
 * with `withLanguage` (some result has a detected language), "Detected language" before the notes.
 * The same list object for the same arguments, so rows memoised on it stay put.
 */
export function resultsColumns(
  compareName: string | undefined,
  withLanguage = false,
): ResultsColumn[] {
  const id = `${withLanguage ? 'L' : '-'}${compareName === undefined ? '' : ` ${compareName}`}`;
  let columns = columnLists.get(id);
  if (!columns) {
    const other: ResultsColumn[] =
      compareName === undefined
        ? []
        : [{ label: `In ${compareName}`, width: 'minmax(140px, 1fr)' }];
    columns = [
      DOCUMENT,
      TEXT,
      CLASSES,
      ...other,
      CONFIDENCE,
      ...(withLanguage ? [LANGUAGE] : []),
      NOTES,
    ];
    columnLists.set(id, columns);
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
