import { formatCount } from '../../lib/format';
import { byName } from './class-metrics';

/** Orders two class names. */
type NameCompare = (a: string, b: string) => number;

/** A class, or `null` for no class (below the threshold, or the service gave none). */
export type ClassBucket = string | null;

/** The less frequent classes, folded into one row and one column. */
export const OTHER: unique symbol = Symbol('Other classes');

/** A row or column of a shown matrix: a class, no class, or the other classes together. */
export type Bucket = ClassBucket | typeof OTHER;

/** The most classes a matrix lists unless told otherwise; the rest go under "Other". */
export const DEFAULT_CLASSES_SHOWN = 50;

/** Document counts by two classifications, the least frequent classes folded into OTHER. */
export interface CountMatrix {
  rows: Bucket[];
  columns: Bucket[];
  /** `counts[row][column]`: documents in that cell. */
  counts: number[][];
  /** What the `null` bucket is called here: "Below threshold" or "No class". */
  noClassName: string;
  /** How many classes are folded into OTHER (0: none). */
  otherClasses: number;
  /** The ids of the documents in a cell (none when there is no such cell). */
  ids: (row: Bucket, column: Bucket) => string[];
}

export interface MatrixEntry {
  id: string;
  row: ClassBucket;
  column: ClassBucket;
}

/** Counts by row, then column: only the cells that hold documents, so 10,000 classes stay small. */
export type SparseCounts = Map<ClassBucket, Map<ClassBucket, number>>;

/** Adds `delta` documents to a cell, dropping cells (and rows) that come to hold none. */
export function addCount(
  sparse: SparseCounts,
  row: ClassBucket,
  column: ClassBucket,
  delta: number,
): void {
  let cells = sparse.get(row);
  if (!cells) {
    cells = new Map();
    sparse.set(row, cells);
  }
  const count = (cells.get(column) ?? 0) + delta;
  if (count === 0) {
    cells.delete(column);
    if (cells.size === 0) sparse.delete(row);
  } else cells.set(column, count);
}

/** Classes by name, then the other classes, no class last. */
const compareBuckets = (compare: NameCompare) => (a: Bucket, b: Bucket) => {
  const rank = (bucket: Bucket) => (bucket === null ? 2 : bucket === OTHER ? 1 : 0);
  const ranks = rank(a) - rank(b);
  if (ranks !== 0 || typeof a !== 'string' || typeof b !== 'string') return ranks;
  return compare(a, b);
};

/**
 * The classes a matrix lists: all of them up to `limit`, else the `limit` most frequent (documents
 * in their row plus in their column, ties by name). Undefined when nothing is folded.
 *
 * The `limit` best are picked in one pass, not by sorting every class: with 10,000 classes a sort
 * made ~140,000 comparisons on every update of a filling run, twice (the table and the matrix);
 * here most classes cost one comparison with the last of the best so far.
 */
export function shownClasses(
  frequency: ReadonlyMap<string, number>,
  limit: number,
  compare: NameCompare = byName,
): Set<string> | undefined {
  if (frequency.size <= limit) return undefined;
  const before = ([a, left]: [string, number], [b, right]: [string, number]) =>
    right - left || compare(a, b);
  // The best so far, best first; at most `limit` long.
  const best: [string, number][] = [];
  for (const entry of frequency) {
    const last = best[best.length - 1];
    if (best.length === limit && last && before(entry, last) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = best[middle];
      if (other && before(other, entry) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, entry);
    if (best.length > limit) best.pop();
  }
  return new Set(best.map(([name]) => name));
}

interface FoldOptions {
  noClassName: string;
  /** Buckets listed even without documents (so a label has its diagonal cell). */
  rowsInclude?: Iterable<ClassBucket>;
  columnsInclude?: Iterable<ClassBucket>;
  /** The most classes listed; the rest are folded into OTHER. */
  limit?: number;
  /** Class names in order (an accumulator's learnt order is cheaper than the collator). */
  compare?: NameCompare;
}

/**
 * The matrix shown for sparse counts: every cell that holds documents, the classes beyond the
 * `limit` most frequent folded into OTHER (one set for both axes, so the diagonal stays aligned).
 * Work is proportional to the cells that hold documents plus the shown matrix, never classes².
 * `entries` lists every document's cell, read only when a cell's ids are asked for.
 */
export function foldCounts(
  sparse: SparseCounts,
  entries: () => Iterable<MatrixEntry>,
  {
    noClassName,
    rowsInclude = [],
    columnsInclude = [],
    limit = DEFAULT_CLASSES_SHOWN,
    compare = byName,
  }: FoldOptions,
): CountMatrix {
  const frequency = new Map<string, number>();
  const note = (bucket: ClassBucket, count: number) => {
    if (bucket !== null) frequency.set(bucket, (frequency.get(bucket) ?? 0) + count);
  };
  const rowSet = new Set<ClassBucket>(rowsInclude);
  const columnSet = new Set<ClassBucket>(columnsInclude);
  for (const bucket of rowSet) note(bucket, 0);
  for (const bucket of columnSet) note(bucket, 0);
  for (const [row, cells] of sparse) {
    rowSet.add(row);
    for (const [column, count] of cells) {
      columnSet.add(column);
      note(row, count);
      note(column, count);
    }
  }
  const shown = shownClasses(frequency, limit, compare);
  const fold = (bucket: ClassBucket): Bucket =>
    bucket === null || shown === undefined || shown.has(bucket) ? bucket : OTHER;
  const axis = (buckets: Set<ClassBucket>) =>
    [...new Set([...buckets].map(fold))].sort(compareBuckets(compare));
  const rows = axis(rowSet);
  const columns = axis(columnSet);
  const rowIndex = new Map(rows.map((bucket, index) => [bucket, index]));
  const columnIndex = new Map(columns.map((bucket, index) => [bucket, index]));
  const counts = rows.map(() => columns.map(() => 0));
  for (const [row, cells] of sparse) {
    const line = counts[rowIndex.get(fold(row)) ?? -1];
    if (!line) continue;
    for (const [column, count] of cells) {
      const index = columnIndex.get(fold(column));
      if (index !== undefined) line[index] = (line[index] ?? 0) + count;
    }
  }
  return {
    rows,
    columns,
    counts,
    noClassName,
    otherClasses: shown === undefined ? 0 : frequency.size - shown.size,
    ids: (row, column) => {
      const found: string[] = [];
      for (const entry of entries())
        if (fold(entry.row) === row && fold(entry.column) === column) found.push(entry.id);
      return found;
    },
  };
}

/** One pass over the entries; `rowsInclude` / `columnsInclude` add buckets that may have no entry. */
export function countMatrix(entries: Iterable<MatrixEntry>, options: FoldOptions): CountMatrix {
  const list = [...entries];
  const sparse: SparseCounts = new Map();
  for (const entry of list) addCount(sparse, entry.row, entry.column, 1);
  return foldCounts(sparse, () => list, options);
}

/** The document ids in one cell (none when the matrix has no such row or column). */
export function matrixCellIds(matrix: CountMatrix, row: Bucket, column: Bucket): string[] {
  return matrix.ids(row, column);
}

/** The name shown for a bucket. */
export function bucketName(matrix: CountMatrix, bucket: Bucket): string {
  if (bucket === OTHER) return `Other (${formatCount(matrix.otherClasses)} classes)`;
  return bucket ?? matrix.noClassName;
}

/** A bucket as a React key: a class name, or a name no class can have. */
export function bucketKey(bucket: Bucket): string {
  return bucket === null ? '\u0000none' : bucket === OTHER ? '\u0000other' : `c:${bucket}`;
}
