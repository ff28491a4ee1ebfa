import { PlainResultsTable } from './plain-results-table';
import type { ResultsTableProps } from './results-table-props';
import { VirtualResultsTable } from './virtual-results-table';

/** Up to this many documents every row is rendered; above it, only the rows in view. */
export const VIRTUALISE_ABOVE = 200;

/** The Results table; `virtual` is decided on all documents, so filtering never swaps the table. */
export function ResultsTable({ virtual, ...props }: ResultsTableProps & { virtual: boolean }) {
  return virtual ? <VirtualResultsTable {...props} /> : <PlainResultsTable {...props} />;
}
