/** A class, or `null` for no class (below the threshold, or the service gave none). */
export type Bucket = string | null;

/** Document counts by two classifications: `cells[row][column]` holds the ids in that cell. */
export interface CountMatrix {
  rows: Bucket[];
  columns: Bucket[];
  cells: string[][][];
  /** What the `null` bucket is called here: "Below threshold" or "No class". */
  noClassName: string;
}

export interface MatrixEntry {
  id: string;
  row: Bucket;
  column: Bucket;
}

/** Classes by name, no class last. */
function compareBuckets(a: Bucket, b: Bucket): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/** One pass over the entries; `rowsInclude` / `columnsInclude` add buckets that may have no entry. */
export function countMatrix(
  entries: Iterable<MatrixEntry>,
  options: {
    noClassName: string;
    rowsInclude?: Iterable<Bucket>;
    columnsInclude?: Iterable<Bucket>;
  },
): CountMatrix {
  const list = [...entries];
  const rowSet = new Set<Bucket>(options.rowsInclude);
  const columnSet = new Set<Bucket>(options.columnsInclude);
  for (const entry of list) {
    rowSet.add(entry.row);
    columnSet.add(entry.column);
  }
  const rows = [...rowSet].sort(compareBuckets);
  const columns = [...columnSet].sort(compareBuckets);
  const rowIndex = new Map(rows.map((bucket, index) => [bucket, index]));
  const columnIndex = new Map(columns.map((bucket, index) => [bucket, index]));
  const cells = rows.map(() => columns.map((): string[] => []));
  for (const entry of list) {
    cells[rowIndex.get(entry.row) ?? 0]?.[columnIndex.get(entry.column) ?? 0]?.push(entry.id);
  }
  return { rows, columns, cells, noClassName: options.noClassName };
}

/** The document ids in one cell (none when the matrix has no such row or column). */
export function matrixCellIds(matrix: CountMatrix, row: Bucket, column: Bucket): string[] {
  return matrix.cells[matrix.rows.indexOf(row)]?.[matrix.columns.indexOf(column)] ?? [];
}

/** The name shown for a bucket. */
export function bucketName(matrix: CountMatrix, bucket: Bucket): string {
  return bucket ?? matrix.noClassName;
}
