import type { DocumentResult } from '../../service/model';
import { describeError } from './describe-error';
import type { ResultItem } from './result-item';
import { onFirstUse } from '../../lib/on-first-use';

/** `margin`: top confidence minus the second's (the review queue's "Smallest margin first"). */
export type SortColumn = 'id' | 'class' | 'confidence' | 'margin';
type SortDirection = 'ascending' | 'descending';
export interface ResultsSort {
  column: SortColumn;
  direction: SortDirection;
}

export type ClassFilter =
  { kind: 'all' } | { kind: 'class'; category: string } | { kind: 'no-class' } | { kind: 'error' };

export interface ResultsView {
  /** Without one, the service's order. */
  sort?: ResultsSort;
  filter: ClassFilter;
  query: string;
  /** When set, only these document ids. */
  focus?: ReadonlySet<string> | undefined;
  /** The focus's documents come first, in its order, before all the others (the review queue). */
  focusFirst?: boolean | undefined;
}

/** The rows of `first` at the top in its order, the rest after them in their order. */
function putFirst(rows: IndexedResult[], first: ReadonlySet<string>): IndexedResult[] {
  const rank = new Map<string, number>();
  for (const id of first) rank.set(id, rank.size);
  const top: IndexedResult[] = [];
  const rest: IndexedResult[] = [];
  for (const row of rows) (rank.has(row.result.id) ? top : rest).push(row);
  top.sort((a, b) => (rank.get(a.result.id) ?? 0) - (rank.get(b.result.id) ?? 0));
  return [...top, ...rest];
}

/** A result with its sort keys worked out once, so sorting 10,000 rows compares only numbers. */
export interface IndexedResult {
  item: ResultItem;
  result: DocumentResult;
  /** Position in the service's order. */
  order: number;
  /** Position of the top class in alphabetical order; undefined for an error or no class. */
  classRank: number | undefined;
  topConfidence: number | undefined;
  /** Top confidence minus the second's; the top confidence when there is one class. */
  margin: number | undefined;
}

const natural = onFirstUse(() => new Intl.Collator('en', { numeric: true, sensitivity: 'base' }));

function ranks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort(natural().compare);
  return new Map(sorted.map((value, rank) => [value, rank]));
}

function topClassOf(result: DocumentResult): string | undefined {
  return result.error ? undefined : result.classes[0]?.category;
}

// Results of finished jobs never change, so each document's search text is built once, not on
// every merge while a batch fills the table (or a correction makes a new item). It is built on the
// first search only: a lower-cased copy of 100,000 texts is memory no one needs until then.
const haystacks = new WeakMap<DocumentResult, { text: string; haystack: string }>();

/** Id, text, classes, warnings and error, lower-cased, for the search. */
export function haystackOf({ result, text }: ResultItem): string {
  const cached = haystacks.get(result);
  if (cached?.text === text) return cached.haystack;
  const haystack = [
    result.id,
    text,
    ...result.classes.map((score) => score.category),
    ...result.warnings.map((warning) => `${warning.code} ${warning.message}`),
    result.error ? describeError(result.error) : '',
    ...(result.problems ?? []).map((problem) =>
      problem.kind === 'duplicate-id' ? 'duplicate id' : `${problem.category} invalid`,
    ),
  ]
    .join('\n')
    .toLowerCase();
  haystacks.set(result, { text, haystack });
  return haystack;
}

function marginOf(result: DocumentResult): number | undefined {
  if (result.error) return undefined;
  const [top, second] = result.classes;
  if (!top) return undefined;
  return second ? top.confidence - second.confidence : top.confidence;
}

export function indexResults(items: readonly ResultItem[]): IndexedResult[] {
  const classRanks = ranks(items.flatMap((item) => topClassOf(item.result) ?? []));
  return items.map((item, order) => {
    const { result } = item;
    const topClass = topClassOf(result);
    return {
      item,
      result,
      order,
      classRank: topClass === undefined ? undefined : classRanks.get(topClass),
      topConfidence: topClass === undefined ? undefined : result.classes[0]?.confidence,
      margin: marginOf(result),
    };
  });
}

interface ClassCount {
  category: string;
  documents: number;
}

/** Every class that was given to some document, with how many got it; for the class filter. */
export function classCounts(rows: IndexedResult[]): {
  classes: ClassCount[];
  noClass: number;
  errors: number;
} {
  const counts = new Map<string, number>();
  let noClass = 0;
  let errors = 0;
  for (const { result } of rows) {
    if (result.error) errors += 1;
    else if (result.classes.length === 0) noClass += 1;
    else
      for (const { category } of result.classes)
        counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const { compare } = natural();
  const classes = [...counts]
    .map(([category, documents]) => ({ category, documents }))
    .sort((a, b) => compare(a.category, b.category));
  return { classes, noClass, errors };
}

function matchesFilter({ result }: IndexedResult, filter: ClassFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'error':
      return result.error !== undefined;
    case 'no-class':
      return !result.error && result.classes.length === 0;
    case 'class':
      return !result.error && result.classes.some((score) => score.category === filter.category);
  }
}

// Natural id order costs a collator sort of every id, so it is worked out only when asked for,
// once per set of rows, instead of each time more results arrive.
const idRankCache = new WeakMap<IndexedResult[], Map<string, number>>();

function idRanksOf(rows: IndexedResult[]): Map<string, number> {
  let idRanks = idRankCache.get(rows);
  if (!idRanks) {
    idRanks = ranks(rows.map((row) => row.result.id));
    idRankCache.set(rows, idRanks);
  }
  return idRanks;
}

function sortKey(
  row: IndexedResult,
  column: SortColumn,
  idRanks: Map<string, number> | undefined,
): number | undefined {
  if (column === 'id') return idRanks?.get(row.result.id) ?? row.order;
  if (column === 'class') return row.classRank;
  if (column === 'margin') return row.margin;
  return row.topConfidence;
}

/**
 * The rows to show: filtered, then sorted. Rows without a value in the sort column (errors, no
 * class) stay at the end in either direction; ties keep the service's order.
 */
export function viewResults(rows: IndexedResult[], view: ResultsView): IndexedResult[] {
  const query = view.query.trim().toLowerCase();
  const focus = view.focusFirst ? undefined : view.focus;
  const shown = rows.filter(
    (row) =>
      (!focus || focus.has(row.result.id)) &&
      matchesFilter(row, view.filter) &&
      (query === '' || haystackOf(row.item).includes(query)),
  );
  const sorted = sortRows(shown, rows, view.sort);
  return view.focusFirst && view.focus ? putFirst(sorted, view.focus) : sorted;
}

function sortRows(
  shown: IndexedResult[],
  rows: IndexedResult[],
  sort: ResultsSort | undefined,
): IndexedResult[] {
  if (!sort) return shown;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const idRanks = sort.column === 'id' ? idRanksOf(rows) : undefined;
  return shown.sort((a, b) => {
    const keyA = sortKey(a, sort.column, idRanks);
    const keyB = sortKey(b, sort.column, idRanks);
    if (keyA === undefined || keyB === undefined) {
      if (keyA !== keyB) return keyA === undefined ? 1 : -1;
    } else if (keyA !== keyB) return (keyA - keyB) * sign;
    return a.order - b.order;
  });
}

export function nextSort(current: ResultsSort | undefined, column: SortColumn): ResultsSort {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
