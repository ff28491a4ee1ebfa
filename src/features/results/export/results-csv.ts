import Papa from 'papaparse';
import type { DocumentResult, LabelMode, ResultProblem } from '../../../service/model';
import { describeError } from '../describe-error';
import { keptClasses, type ResultItem } from '../result-item';

const HEADER = ['id', 'text', 'top_class', 'top_confidence', 'classes', 'warnings', 'error'];

/**
 * A spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or CR as a formula (OWASP "CSV
 * injection"). papaparse's own `escapeFormulae: true` misses a value with a line break in it, so
 * the pattern is given here; papaparse then puts a `'` in front of the value.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The same trigger after a separator (`,`, `;`, tab) or a line break inside a value, spaces
 * between allowed: a spreadsheet that splits on a separator of its own (LibreOffice with `;`)
 * or ignores the quotes starts a cell there.
 */
const FORMULA_INSIDE = /([,;\t\r\n] *)(?=[=+\-@\t\r])/g;

/** `;=2*3;` → `;'=2*3;`: a `'` in front of every trigger that could start a cell inside a value. */
export function neutraliseFormulae(value: string): string {
  return value.replace(FORMULA_INSIDE, "$1'");
}

/** Several labels in one cell, the way the import reads them back (`;` or `|` between). */
function joinLabels(labels: readonly string[] | undefined): string {
  return labels ? labels.join('; ') : '';
}

function confidence(value: number): string {
  return value.toFixed(4);
}

function describeProblem(problem: ResultProblem): string {
  switch (problem.kind) {
    case 'invalid-confidence':
      return `invalid confidence for ${problem.category}: ${problem.received}`;
    case 'duplicate-id':
      return 'duplicate id';
  }
}

/** Rows a chunk holds: a few milliseconds of work, so a download can let the page breathe between. */
export const ROWS_PER_CHUNK = 250;

/**
 * The header line, then the rows `rowsPerChunk` at a time: every text cell quoted, formulas
 * neutralised, CRLF line ends; `numeric` columns left unquoted. Rows are made only when their chunk
 * is asked for, so no string holds the whole file.
 */
function* csvChunks<T>(
  header: string[],
  items: readonly T[],
  cellsOf: (item: T) => string[],
  {
    numeric = [],
    rowsPerChunk = ROWS_PER_CHUNK,
    forSpreadsheets = true,
  }: { numeric?: string[]; rowsPerChunk?: number; forSpreadsheets?: boolean },
): Generator<string, void, undefined> {
  yield `${header.join(',')}\r\n`;
  const quotes = header.map((name) => !numeric.includes(name));
  for (let start = 0; start < items.length; start += rowsPerChunk) {
    const cells = items.slice(start, start + rowsPerChunk).map(cellsOf);
    const rows = forSpreadsheets ? cells.map((row) => row.map(neutraliseFormulae)) : cells;
    const body = Papa.unparse(rows, {
      quotes,
      escapeFormulae: forSpreadsheets ? FORMULA_START : false,
      newline: '\r\n',
      header: false,
    });
    yield `${body}\r\n`;
  }
}

/** How the run was judged, for the columns that depend on it. */
interface CsvRunOptions {
  labelMode: LabelMode;
  /** 0 to 1; above 0, a `kept_classes` column says what the threshold keeps. */
  threshold: number;
}

interface Columns {
  /** Only when some result has one (the preview versions that detect languages). */
  detectedLanguage: boolean;
  flags: boolean;
  labels: boolean;
  corrections: boolean;
  kept: CsvRunOptions | undefined;
  threshold: number | undefined;
  /** The documents' metadata names (the file's other columns), in the order first met. */
  metadata: string[];
}

/** Every metadata name of the documents, in the order first met. */
function metadataNames(items: readonly ResultItem[]): string[] {
  const names = new Set<string>();
  for (const item of items) if (item.metadata) for (const name in item.metadata) names.add(name);
  return [...names];
}

/** A metadata column is headed by its name, or `metadata.<name>` where that is taken already. */
function metadataHeader(name: string, taken: readonly string[]): string {
  return taken.includes(name) ? `metadata.${name}` : name;
}

/** 0.55 → "0.55": the threshold as the JSON export writes it, without float noise. */
const thresholdCell = (threshold: number) => String(Number(threshold.toFixed(4)));

function row(item: ResultItem, columns: Columns): string[] {
  const document: DocumentResult = item.result;
  const [top] = document.classes;
  const cells = [
    document.id,
    item.text,
    top?.category ?? '',
    top ? confidence(top.confidence) : '',
    document.classes.map((score) => `${score.category}:${confidence(score.confidence)}`).join('; '),
    document.warnings.map((warning) => `${warning.code}: ${warning.message}`).join('; '),
    document.error ? describeError(document.error) : '',
  ];
  if (columns.detectedLanguage) {
    const language = document.detectedLanguage;
    cells.push(language?.code ?? '', language?.confidence?.toFixed(4) ?? '');
  }
  if (columns.flags) cells.push((document.problems ?? []).map(describeProblem).join('; '));
  if (columns.labels) cells.push(joinLabels(item.labels));
  if (columns.corrections) cells.push(joinLabels(item.correction));
  if (columns.kept) {
    const { labelMode, threshold } = columns.kept;
    cells.push(joinLabels(keptClasses(document, labelMode, threshold)));
  }
  if (columns.threshold !== undefined) cells.push(thresholdCell(columns.threshold));
  for (const name of columns.metadata)
    cells.push(
      item.metadata && Object.hasOwn(item.metadata, name) ? (item.metadata[name] ?? '') : '',
    );
  return cells;
}

/**
 * One row per document in the order given (the documents' input order), every text cell quoted,
 * CRLF line ends. Confidences outside [0, 1] never reach `classes` (see `DocumentResult`), so they
 * are not written as scores. When some result has a detected language (preview versions),
 * `detected_language` (its code) and `detected_language_confidence`. When some result has such a problem, or a duplicate id, a `flags`
 * column says so. Then, when some document has them, `label` (gold labels) and `corrected_label`
 * (the reviewer's), several joined by `; `; with a threshold above 0, `kept_classes`: the classes
 * at or above it; with the run given, `threshold` (0 to 1), the one the file was written with, so
 * the file says how it was judged; then the documents' metadata (the file's other columns), one
 * column each. The run's other settings are in the JSON export.
 */
export function resultsToCsv(items: readonly ResultItem[], run?: CsvRunOptions): string {
  return [...resultsCsvChunks(items, run)].join('');
}

/** `resultsToCsv`'s text, a header chunk then `rowsPerChunk` rows a chunk. */
export function resultsCsvChunks(
  items: readonly ResultItem[],
  run?: CsvRunOptions,
  rowsPerChunk = ROWS_PER_CHUNK,
): Generator<string, void, undefined> {
  const columns: Columns = {
    detectedLanguage: items.some((item) => item.result.detectedLanguage !== undefined),
    flags: items.some((item) => (item.result.problems?.length ?? 0) > 0),
    labels: items.some((item) => item.labels !== undefined),
    corrections: items.some((item) => item.correction !== undefined),
    kept: run && run.threshold > 0 ? run : undefined,
    threshold: run?.threshold,
    metadata: metadataNames(items),
  };
  const header = [
    ...HEADER,
    ...(columns.detectedLanguage ? ['detected_language', 'detected_language_confidence'] : []),
    ...(columns.flags ? ['flags'] : []),
    ...(columns.labels ? ['label'] : []),
    ...(columns.corrections ? ['corrected_label'] : []),
    ...(columns.kept ? ['kept_classes'] : []),
    ...(columns.threshold !== undefined ? ['threshold'] : []),
  ];
  // Then the file's other columns, as imported.
  for (const name of columns.metadata) header.push(metadataHeader(name, header));
  // The numbers are left unquoted so a spreadsheet reads them as numbers.
  return csvChunks(header, items, (item) => row(item, columns), {
    numeric: ['top_confidence', 'detected_language_confidence', 'threshold'],
    rowsPerChunk,
  });
}

/**
 * `id,text,label` for the documents import to read again: the label is the correction if there is
 * one, else the gold label, else empty. Every cell is kept byte for byte (quoted, quotes doubled):
 * neutralising formulas would add a `'` that the import then reads as part of the text. Guarding a
 * spreadsheet is the results CSV's job.
 */
export function labelsToCsv(items: readonly ResultItem[]): string {
  return [...labelsCsvChunks(items)].join('');
}

/** `labelsToCsv`'s text, a header chunk then `rowsPerChunk` rows a chunk. */
export function labelsCsvChunks(
  items: readonly ResultItem[],
  rowsPerChunk = ROWS_PER_CHUNK,
): Generator<string, void, undefined> {
  return csvChunks(
    ['id', 'text', 'label'],
    items,
    (item) => [item.result.id, item.text, joinLabels(item.correction ?? item.labels)],
    { rowsPerChunk, forSpreadsheets: false },
  );
}
