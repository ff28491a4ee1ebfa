import { formatBytes, formatCount } from '../../../lib/format';
import { MAX_CLASSES_PER_PROJECT } from '../../../service/limits';
import { ACCEPTED_EXTENSIONS } from './accepted-files';
import type { DelimitedTable } from './delimited';
import { jsonEntries } from './json-documents';
import {
  joinPlaces,
  validateImport,
  type ImportEntries,
  type ImportedDocument,
  type ImportedDocuments,
  type ImportProblem,
} from './imported-documents';
import { columnName, suggestColumns, tableEntries, type ColumnChoice } from './table-documents';
import { textFileEntries } from './text-files';

type SourceKind = 'text' | 'table' | 'json';

/** Bigger files are not read: a 100 MB document crashed the tab, and no job could hold it anyway. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** All files of one import together; past it, the remaining files are left out. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

interface FileSelection<FileLike> {
  /** Files to read, in the order given. */
  accepted: FileLike[];
  /** Names of files of a type that cannot be read. */
  skipped: string[];
  /** What was left out for its size, said as warnings. */
  problems: ImportProblem[];
}

/** Which files to read, decided on their names and sizes before a byte is read. */
export function selectFiles<FileLike extends { name: string; size: number }>(
  files: FileLike[],
): FileSelection<FileLike> {
  const accepted: FileLike[] = [];
  const skipped: string[] = [];
  const tooLarge: string[] = [];
  const overTotal: string[] = [];
  let total = 0;
  for (const file of files) {
    if (sourceKind(file.name) === undefined) skipped.push(file.name);
    else if (file.size > MAX_FILE_BYTES) tooLarge.push(`${file.name} (${formatBytes(file.size)})`);
    else if (total + file.size > MAX_IMPORT_BYTES) overTotal.push(file.name);
    else {
      total += file.size;
      accepted.push(file);
    }
  }
  const problems: ImportProblem[] = [];
  if (tooLarge.length > 0)
    problems.push({
      severity: 'warning',
      message: `Left out ${joinPlaces(tooLarge)}: a file can be at most ${formatBytes(MAX_FILE_BYTES)}. Split ${tooLarge.length === 1 ? 'it' : 'them'} into smaller files.`,
    });
  if (overTotal.length > 0)
    problems.push({
      severity: 'warning',
      message: `Left out ${joinPlaces(overTotal)}: the files of one import can be at most ${formatBytes(MAX_IMPORT_BYTES)} together. Import the rest on their own.`,
    });
  return { accepted, skipped, problems };
}

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

/** A custom text classification project has at most 200 classes (Azure AI Language service limits). */
export const SERVICE_CLASS_LIMIT = MAX_CLASSES_PER_PROJECT;

/** More distinct labels than a project can have: probably the wrong column, so the user is asked. */
export interface ClassesQuestion {
  /** Distinct labels found. */
  count: number;
  /** The column or field they came from: "ticket_id", or "label / labels" for JSON. */
  source: string;
}

export interface ImportResult {
  imported: ImportedDocuments;
  /** "tickets.csv", or "12 files". */
  sourceName: string;
  /** Set for a CSV or TSV file: its header and the columns the documents were taken from. */
  table?: { columns: string[]; choice: ColumnChoice };
  /** Set when the labels cannot all be classes of one project: used only once the user confirms. */
  classesQuestion?: ClassesQuestion;
}

/** Distinct labels over every document. */
function distinctLabels(documents: readonly ImportedDocument[]): number {
  const seen = new Set<string>();
  for (const document of documents) for (const label of document.labels ?? []) seen.add(label);
  return seen.size;
}

function classesQuestion(
  documents: readonly ImportedDocument[],
  source: string,
): ClassesQuestion | undefined {
  const count = distinctLabels(documents);
  return count > SERVICE_CLASS_LIMIT ? { count, source } : undefined;
}

const SPREADSHEET = /\.(xlsx|xlsm|xlsb|xls|ods|numbers)$/i;

/** Why files of other types were not read; a spreadsheet's way out is to save it as CSV. */
function skippedFiles(names: string[]): ImportProblem[] {
  const spreadsheets = names.filter((name) => SPREADSHEET.test(name));
  const others = names.filter((name) => !SPREADSHEET.test(name));
  const problems: ImportProblem[] = [];
  if (spreadsheets.length > 0) {
    const one = spreadsheets.length === 1;
    problems.push({
      severity: 'warning',
      message: `${joinPlaces(spreadsheets)} ${one ? 'is a spreadsheet' : 'are spreadsheets'}, which cannot be read here: save ${one ? 'it' : 'them'} as CSV (in Excel: File › Save As › “CSV UTF-8”) and choose the .csv file.`,
    });
  }
  if (others.length > 0)
    problems.push({
      severity: 'warning',
      message: `Left out ${joinPlaces(others)}: only ${ACCEPTED_EXTENSIONS.join(', ')} files can be read.`,
    });
  return problems;
}

/**
 * Every file's documents, checked together so an id repeated across files is caught too;
 * `leftOut` is what `selectFiles` said about files it did not take.
 */
export function buildImport(
  sources: ImportSource[],
  skipped: string[] = [],
  choice?: ColumnChoice,
  leftOut: ImportProblem[] = [],
): ImportResult {
  const sourceName =
    sources.length === 0
      ? 'the chosen files'
      : sources.length === 1
        ? (sources[0]?.name ?? '')
        : `${formatCount(sources.length)} files`;
  const problems = skippedFiles(skipped);
  for (const problem of leftOut) problems.push(problem);
  for (const source of sources)
    if (source.undecodable)
      problems.push({
        severity: 'warning',
        message: `${source.name} is not UTF-8 text, so some characters were replaced with �. Save it as UTF-8 (in Excel: “CSV UTF-8”) and choose it again.`,
      });

  // Nothing was read: why each file was left out is the whole story, not "no documents found".
  if (sources.length === 0 && problems.length > 0) {
    const reasons = problems.map((problem): ImportProblem => ({ ...problem, severity: 'error' }));
    return { imported: { documents: [], problems: reasons }, sourceName };
  }

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
    const question =
      used.labelColumn === undefined
        ? undefined
        : classesQuestion(imported.documents, columnName(table.table.columns, used.labelColumn));
    return {
      imported,
      sourceName,
      table: { columns: table.table.columns, choice: used },
      ...(question ? { classesQuestion: question } : {}),
    };
  }

  // Loops, never push(...spread): a JSON array of 100,000 records overflowed the stack that way.
  const all: ImportEntries = { entries: [], problems: [] };
  const textFiles = sources.flatMap((source) => (source.kind === 'text' ? [source] : []));
  all.entries = textFileEntries(textFiles).entries;
  const several = sources.length > 1;
  for (const source of sources) {
    if (source.kind !== 'json') continue;
    const { entries, problems: found } = jsonEntries(source.text);
    for (const entry of entries)
      all.entries.push(several ? { ...entry, place: `${source.name} ${entry.place}` } : entry);
    for (const problem of found)
      all.problems.push(
        several ? { ...problem, message: `${source.name}: ${problem.message}` } : problem,
      );
  }
  const imported = finish(all, problems, sourceName);
  const question = classesQuestion(imported.documents, '“label” / “labels”');
  return { imported, sourceName, ...(question ? { classesQuestion: question } : {}) };
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
