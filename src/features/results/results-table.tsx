import type { RefObject } from 'react';
import { PlainResultsTable } from './plain-results-table';
import type { IndexedResult, ResultsSort, SortColumn } from './sort-results';
import { VirtualResultsTable } from './virtual-results-table';

/** Up to this many documents every row is rendered; above it, only the rows in view. */
export const VIRTUALISE_ABOVE = 200;

export interface ResultsTableProps {
  rows: IndexedResult[];
  sort: ResultsSort | undefined;
  onSort: (column: SortColumn) => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  labels: Map<string, string> | undefined;
  /** The scrolling box, so a new sort or filter can start again at the top. */
  scrollRef: RefObject<HTMLDivElement | null>;
}

/** The Results table; `virtual` is decided on all documents, so filtering never swaps the table. */
export function ResultsTable({ virtual, ...props }: ResultsTableProps & { virtual: boolean }) {
  return virtual ? <VirtualResultsTable {...props} /> : <PlainResultsTable {...props} />;
}
