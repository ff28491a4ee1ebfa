import type { DocumentResult } from '../../../service/model';
import { describeError } from '../describe-error';

const HEADER = ['id', 'top_class', 'top_confidence', 'classes', 'warnings', 'error'];

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function confidence(value: number): string {
  return value.toFixed(4);
}

function row(document: DocumentResult, labels: Map<string, string> | undefined): string {
  const [top] = document.classes;
  const cells = [
    cell(document.id),
    cell(top?.category ?? ''),
    top ? confidence(top.confidence) : '',
    cell(
      document.classes
        .map((score) => `${score.category}:${confidence(score.confidence)}`)
        .join('; '),
    ),
    cell(document.warnings.map((warning) => `${warning.code}: ${warning.message}`).join('; ')),
    cell(document.error ? describeError(document.error) : ''),
  ];
  if (labels) cells.push(cell(labels.get(document.id) ?? ''));
  return cells.join(',');
}

/**
 * One row per document, RFC 4180 quoting and CRLF line ends; with `labels` (from an import), a
 * last `label` column for comparing with the predicted class.
 */
export function resultsToCsv(documents: DocumentResult[], labels?: Map<string, string>): string {
  const header = labels ? [...HEADER, 'label'] : HEADER;
  const lines = [header.join(','), ...documents.map((document) => row(document, labels))];
  return `${lines.join('\r\n')}\r\n`;
}
