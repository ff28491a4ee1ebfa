import { formatCount } from '../../../lib/format';
import type { DelimitedTable } from './delimited';
import { jsonEntries } from './json-documents';
import {
  validateImport,
  type ImportEntries,
  type ImportedDocuments,
  type ImportProblem,
} from './imported-documents';
import { suggestColumns, tableEntries, type ColumnChoice } from './table-documents';
import { textFileEntries } from './text-files';

export const ACCEPTED_EXTENSIONS = ['.txt', '.csv', '.tsv', '.jsonl', '.json'] as const;

export type SourceKind = 'text' | 'table' | 'json';

export function sourceKind(fileName: string): SourceKind | undefined {
  const extension = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0];
  if (extension === '.txt') return 'text';
  if (extension === '.csv' || extension === '.tsv') return 'table';
  if (extension === '.json' || extension === '.jsonl') return 'json';
  return undefined;
}

/** One file as read: a table for CSV and TSV (parsed while reading), text for the others. */
export type ImportSource =
  | { name: string; kind: 'text' | 'json'; text: string; undecodable?: boolean }
  | { name: string; kind: 'table'; table: DelimitedTable; undecodable?: boolean };

export interface ImportResult {
  imported: ImportedDocuments;
  /** "tickets.csv", or "12 files". */
  sourceName: string;
  /** Set for a CSV or TSV file: its header and the columns the documents were taken from. */
  table?: { columns: string[]; choice: ColumnChoice };
}

function skippedFiles(names: string[]): ImportProblem[] {
  if (names.length === 0) return [];
  return [
    {
      severity: 'warning',
      message: `Left out ${names.join(', ')}: only ${ACCEPTED_EXTENSIONS.join(', ')} files can be read.`,
    },
  ];
}

/** Every file's documents, checked together so an id repeated across files is caught too. */
export function buildImport(
  sources: ImportSource[],
  skipped: string[] = [],
  choice?: ColumnChoice,
): ImportResult {
  const sourceName =
    sources.length === 0
      ? 'the chosen files'
      : sources.length === 1
        ? (sources[0]?.name ?? '')
        : `${formatCount(sources.length)} files`;
  const problems = skippedFiles(skipped);
  for (const source of sources)
    if (source.undecodable)
      problems.push({
        severity: 'warning',
        message: `${source.name} is not UTF-8 text, so some characters were replaced with �. Save it as UTF-8 (in Excel: “CSV UTF-8”) and choose it again.`,
      });

  const tables = sources.filter((source) => source.kind === 'table');
  const [table] = tables;
  if (table && sources.length > 1) {
    problems.push({
      severity: 'error',
      message: `A CSV or TSV file is read on its own, since its columns must be chosen: choose ${table.name} without other files.`,
    });
    return { imported: { documents: [], problems }, sourceName };
  }
  if (table) {
    const used = choice ?? suggestColumns(table.table);
    const entries = tableEntries(table.table, used);
    const imported = finish(entries, problems, sourceName);
    return { imported, sourceName, table: { columns: table.table.columns, choice: used } };
  }

  const all: ImportEntries = { entries: [], problems: [] };
  const textFiles = sources.flatMap((source) => (source.kind === 'text' ? [source] : []));
  all.entries.push(...textFileEntries(textFiles).entries);
  for (const source of sources) {
    if (source.kind !== 'json') continue;
    const { entries, problems: found } = jsonEntries(source.text);
    const prefix = sources.length > 1 ? `${source.name} ` : '';
    all.entries.push(...entries.map((entry) => ({ ...entry, place: prefix + entry.place })));
    all.problems.push(
      ...found.map((problem) => ({
        ...problem,
        message: sources.length > 1 ? `${source.name}: ${problem.message}` : problem.message,
      })),
    );
  }
  return { imported: finish(all, problems, sourceName), sourceName };
}

function finish(
  { entries, problems }: ImportEntries,
  before: ImportProblem[],
  sourceName: string,
): ImportedDocuments {
  const imported = validateImport({ entries, problems: [...before, ...problems] });
  if (imported.documents.length === 0 && !imported.problems.some((p) => p.severity === 'error'))
    imported.problems.push({
      severity: 'error',
      message: `No documents were found in ${sourceName}.`,
    });
  return imported;
}
