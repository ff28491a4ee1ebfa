import type { DelimitedTable } from './delimited';
import {
  parseLabels,
  validateImport,
  type ImportEntries,
  type ImportedDocument,
  type ImportedDocuments,
} from './imported-documents';

/** Columns by position, since a header may repeat a name or leave one blank. */
export interface ColumnChoice {
  textColumn: number;
  idColumn?: number;
  labelColumn?: number;
  /** Each row's language (`en`, `de`, …), sent with its document instead of the form's. */
  languageColumn?: number;
}

export function columnName(columns: string[], column: number): string {
  const name = columns[column]?.trim();
  return name === undefined || name === '' ? `Column ${column + 1}` : name;
}

function findColumn(
  columns: string[],
  matches: (name: string) => boolean,
  except: number[] = [],
): number | undefined {
  const index = columns.findIndex(
    (column, position) =>
      !except.includes(position) && matches(column.trim().toLowerCase().replace(/[\s-]/g, '_')),
  );
  return index === -1 ? undefined : index;
}

const oneOf = (names: string[]) => (name: string) => names.includes(name);

/** Headers a language column usually has. */
const LANGUAGE_HEADERS = [
  'language',
  'lang',
  'locale',
  'language_code',
  'lang_code',
  'languagecode',
];

/** Columns picked by their usual names; otherwise the text is the column with the longest values. */
export function suggestColumns(table: DelimitedTable): ColumnChoice {
  const { columns, rows } = table;
  const idColumn = findColumn(columns, (name) => name === 'id' || name.endsWith('_id'));
  const labelColumn = findColumn(
    columns,
    oneOf(['label', 'class', 'category', 'expected', 'expected_class', 'gold', 'target']),
    idColumn === undefined ? [] : [idColumn],
  );
  const languageColumn = findColumn(
    columns,
    oneOf(LANGUAGE_HEADERS),
    [idColumn, labelColumn].filter((column) => column !== undefined),
  );
  const taken = [idColumn, labelColumn, languageColumn].filter((column) => column !== undefined);
  let textColumn = findColumn(
    columns,
    oneOf(['text', 'document', 'content', 'body', 'message', 'description']),
    taken,
  );
  if (textColumn === undefined) {
    const sample = rows.slice(0, 50);
    let longest = -1;
    for (let column = 0; column < columns.length; column += 1) {
      if (taken.includes(column)) continue;
      const length = sample.reduce((sum, row) => sum + (row[column]?.length ?? 0), 0);
      if (length > longest) {
        longest = length;
        textColumn = column;
      }
    }
  }
  return {
    textColumn: textColumn ?? 0,
    ...(idColumn === undefined ? {} : { idColumn }),
    ...(labelColumn === undefined ? {} : { labelColumn }),
    ...(languageColumn === undefined ? {} : { languageColumn }),
  };
}

/**
 * The columns kept as metadata: every one not taken as text, id, label or language, by its name
 * (a repeated name gets its position, so no column is lost to another).
 */
export function metadataColumns(
  columns: string[],
  choice: ColumnChoice,
): { column: number; name: string }[] {
  const taken = new Set([
    choice.textColumn,
    choice.idColumn,
    choice.labelColumn,
    choice.languageColumn,
  ]);
  const names = new Set<string>();
  const kept: { column: number; name: string }[] = [];
  columns.forEach((_, column) => {
    if (taken.has(column)) return;
    let name = columnName(columns, column);
    if (names.has(name)) name = `${name} (column ${column + 1})`;
    names.add(name);
    kept.push({ column, name });
  });
  return kept;
}

export function tableEntries(table: DelimitedTable, choice: ColumnChoice): ImportEntries {
  const { textColumn, idColumn, labelColumn, languageColumn } = choice;
  const metadata = metadataColumns(table.columns, choice);
  const entries: ImportEntries['entries'] = [];
  const problems: ImportEntries['problems'] = [];
  const { strayQuoteRow, unclosedQuoteRow } = table;
  if (strayQuoteRow !== undefined)
    problems.push({
      severity: 'error',
      message: `A quoted value on row ${strayQuoteRow} goes on after its closing quote (as in "ab"cd), so the text up to the next closing quote was read as one value. Check the quotes on that row: a quote inside a quoted value is written twice ("").`,
    });
  // The same row's value is also unclosed when no later quote ends it: one message says it.
  if (unclosedQuoteRow !== undefined && unclosedQuoteRow !== strayQuoteRow)
    problems.push({
      severity: 'error',
      message: `A quoted value that starts on row ${unclosedQuoteRow} is never closed, so the rest of the file was read as one value. Check the quotes on that row.`,
    });
  const width = table.columns.length;
  for (const column of [textColumn, idColumn, labelColumn, languageColumn])
    if (column !== undefined && (column < 0 || column >= width))
      problems.push({ severity: 'error', message: `The file has no column ${column + 1}.` });
  table.rows.forEach((row, index) => {
    // Blank lines are not documents; spreadsheets often leave a few at the end.
    if (row.every((cell) => cell.trim() === '')) return;
    const labels = labelColumn === undefined ? [] : parseLabels(row[labelColumn] ?? '');
    const language = languageColumn === undefined ? '' : (row[languageColumn]?.trim() ?? '');
    const fields: [string, string][] = [];
    for (const { column, name } of metadata) {
      const value = row[column]?.trim() ?? '';
      // An empty cell is no value: the slice shows such documents as "(none)".
      if (value !== '') fields.push([name, value]);
    }
    // fromEntries defines each field, so a column named `__proto__` is kept like any other.
    const values = fields.length > 0 ? Object.fromEntries(fields) : undefined;
    const document: ImportedDocument = {
      id: idColumn === undefined ? `doc${index + 1}` : (row[idColumn]?.trim() ?? ''),
      text: row[textColumn]?.trim() ?? '',
      ...(language !== '' ? { language } : {}),
      ...(labels.length > 0 ? { labels } : {}),
      ...(values ? { metadata: values } : {}),
    };
    // Header is row 1, as a spreadsheet shows it.
    entries.push({ document, place: `row ${index + 2}` });
  });
  return { entries, problems };
}

/**
 * The table's documents. Without an id column, ids are doc1, doc2, … by data row, so each one
 * leads back to its row in the file.
 */
export function documentsFromTable(table: DelimitedTable, choice: ColumnChoice): ImportedDocuments {
  return validateImport(tableEntries(table, choice));
}
