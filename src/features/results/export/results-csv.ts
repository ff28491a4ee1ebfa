import Papa from 'papaparse';
import type { DocumentResult, ResultProblem } from '../../../service/model';
import { describeError } from '../describe-error';

const HEADER = ['id', 'top_class', 'top_confidence', 'classes', 'warnings', 'error'];

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

interface Columns {
  flags: boolean;
  labels: Map<string, string> | undefined;
}

function row(document: DocumentResult, { flags, labels }: Columns): string[] {
  const [top] = document.classes;
  const cells = [
    document.id,
    top?.category ?? '',
    top ? confidence(top.confidence) : '',
    document.classes.map((score) => `${score.category}:${confidence(score.confidence)}`).join('; '),
    document.warnings.map((warning) => `${warning.code}: ${warning.message}`).join('; '),
    document.error ? describeError(document.error) : '',
  ];
  if (flags) cells.push((document.problems ?? []).map(describeProblem).join('; '));
  if (labels) cells.push(labels.get(document.id) ?? '');
  return cells.map(neutraliseFormulae);
}

/**
 * One row per document, every text cell quoted, CRLF line ends. Confidences outside [0, 1] never
 * reach `classes` (see `DocumentResult`), so they are not written as scores: when some result has
 * such a problem, or a duplicate id, a `flags` column says so. With `labels` (from an import), a
 * last `label` column for comparing with the predicted class.
 */
export function resultsToCsv(documents: DocumentResult[], labels?: Map<string, string>): string {
  const columns: Columns = {
    flags: documents.some((document) => (document.problems?.length ?? 0) > 0),
    labels,
  };
  const header = [...HEADER, ...(columns.flags ? ['flags'] : []), ...(labels ? ['label'] : [])];
  const rows = documents.map((document) => row(document, columns));
  // The confidence is a number, the only cell left unquoted so a spreadsheet reads it as one.
  const quotes = header.map((name) => name !== 'top_confidence');
  const body = Papa.unparse(rows, {
    quotes,
    escapeFormulae: FORMULA_START,
    newline: '\r\n',
    header: false,
  });
  return `${header.join(',')}\r\n${body}${body === '' ? '' : '\r\n'}`;
}
