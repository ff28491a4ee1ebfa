import type { RowProps } from './result-cells';
import type { ResultsTableProps } from './results-table-props';
import type { IndexedResult } from './sort-results';

/** One row's props from the table's; the same for both tables. */
export function rowProps(props: ResultsTableProps, row: IndexedResult): RowProps {
  const { id } = row.result;
  return {
    row,
    mark: props.marks?.get(id),
    otherClasses: props.compare ? (props.compare.classOf.get(id) ?? null) : undefined,
    withLanguage: props.withLanguage ?? false,
    labelMode: props.labelMode,
    threshold: props.threshold,
    selected: id === props.selectedId,
    active: id === props.cursor?.id,
    onSelect: props.onSelect,
    claimFocus: props.claimFocus,
  };
}
