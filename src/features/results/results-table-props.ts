import type { RefObject } from 'react';
import type { LabelMode } from '../../service/model';
import type { ResultMark, ResultsCompare } from './result-item';
import type { IndexedResult, ResultsSort, SortColumn } from './sort-results';

/** What both Results tables (plain and virtual) take; the table that picks one passes it on. */

/** The row the review keys are on; `moved` counts key moves, so the table scrolls only for those. */
export interface ResultsCursor {
  id: string;
  moved: number;
}

export interface ResultsTableProps {
  rows: IndexedResult[];
  sort: ResultsSort | undefined;
  onSort: (column: SortColumn) => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  cursor: ResultsCursor | undefined;
  /** True once for the row the keys moved to, so that row's button takes the focus. */
  claimFocus: (id: string) => boolean;
  /** Whether some document has a label or a correction (for the virtual rows' height). */
  withLabels: boolean;
  /** Whether some result has a detected language: the table then has a column for it. */
  withLanguage?: boolean;
  marks: ReadonlyMap<string, ResultMark> | undefined;
  compare: ResultsCompare | undefined;
  labelMode: LabelMode;
  threshold: number;
  /** The scrolling box, so a new sort or filter can start again at the top. */
  scrollRef: RefObject<HTMLDivElement | null>;
}
