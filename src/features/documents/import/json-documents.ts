import '../../../lib/zod-config';
import { z } from 'zod';
import { formatCount } from '../../../lib/format';
import {
  parseLabels,
  validateImport,
  type ImportEntries,
  type ImportedDocument,
  type ImportedDocuments,
  type ImportProblem,
} from './imported-documents';

const name = z.union([z.string(), z.number()]).transform(String);

// Loose: every other field is kept as the document's metadata.
const jsonDocument = z.looseObject({
  id: name,
  text: z.string(),
  language: z.string().optional(),
  /** One gold label, or several separated by `;` or `|`. */
  label: name.optional(),
  /** Gold labels as a list, or as one string separated by `;` or `|`. */
  labels: z.union([z.array(name), name]).optional(),
});

const records = z.array(z.unknown());
const documentList = z.object({ documents: records });

const MAX_RECORD_ERRORS = 5;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
}

function lineOfPosition(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return undefined;
  return text.slice(0, Number(position)).split('\n').length;
}

/** A field's value as metadata: text as written, a number or a flag as text, a structure as JSON. */
function metadataValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function toDocument(record: z.output<typeof jsonDocument>): ImportedDocument {
  const { id, text, language, label, labels: list, ...rest } = record;
  const fields: [string, string][] = [];
  for (const [field, raw] of Object.entries(rest)) {
    const value = metadataValue(raw);
    if (value !== undefined) fields.push([field, value]);
  }
  // fromEntries defines each field, so one named `__proto__` is kept like any other.
  const metadata = fields.length > 0 ? Object.fromEntries(fields) : undefined;
  const labels = parseLabels([
    ...(label === undefined ? [] : parseLabels(label)),
    ...(list === undefined ? [] : parseLabels(list)),
  ]);
  return {
    id: id.trim(),
    text: text.trim(),
    ...(language ? { language } : {}),
    ...(labels.length > 0 ? { labels } : {}),
    ...(metadata ? { metadata } : {}),
  };
}

function recordsEntries(records: { value: unknown; place: string }[]): ImportEntries {
  const entries: ImportEntries['entries'] = [];
  const invalid: string[] = [];
  for (const { value, place } of records) {
    const parsed = jsonDocument.safeParse(value);
    if (parsed.success) entries.push({ document: toDocument(parsed.data), place });
    else invalid.push(`${place}: ${describeIssues(parsed.error)}`);
  }
  const problems: ImportProblem[] = [];
  if (invalid.length > 0) {
    const more = invalid.length - MAX_RECORD_ERRORS;
    problems.push({
      severity: 'error',
      message: `${formatCount(invalid.length)} ${invalid.length === 1 ? 'record is' : 'records are'} not {"id", "text"} documents. ${invalid.slice(0, MAX_RECORD_ERRORS).join('. ')}${more > 0 ? `. And ${formatCount(more)} more` : ''}.`,
    });
  }
  return { entries, problems };
}

function jsonLinesEntries(text: string): ImportEntries {
  const records: { value: unknown; place: string }[] = [];
  const broken: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push({ value: JSON.parse(line), place: `line ${index + 1}` });
    } catch {
      broken.push(`line ${index + 1}`);
    }
  });
  const result = recordsEntries(records);
  if (broken.length > 0) {
    const more = broken.length - MAX_RECORD_ERRORS;
    result.problems.unshift({
      severity: 'error',
      message: `${formatCount(broken.length)} ${broken.length === 1 ? 'line is' : 'lines are'} not valid JSON: ${broken.slice(0, MAX_RECORD_ERRORS).join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}.`,
    });
  }
  return result;
}

/**
 * A JSON array of documents, `{ "documents": [...] }`, or JSON Lines (one document per line);
 * told apart by content, since files are not always named for what they hold.
 */
export function jsonEntries(text: string): ImportEntries {
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return jsonLinesEntries(trimmed);
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch (error) {
    if (trimmed.startsWith('{')) return jsonLinesEntries(trimmed);
    const message = error instanceof Error ? error.message : String(error);
    const line = lineOfPosition(trimmed, message);
    return {
      entries: [],
      problems: [
        {
          severity: 'error',
          message: `The file is not valid JSON${line === undefined ? '' : ` (near line ${line})`}: ${message}`,
        },
      ],
    };
  }
  const list = records.safeParse(whole).data ?? documentList.safeParse(whole).data?.documents;
  if (list)
    return recordsEntries(list.map((value, index) => ({ value, place: `record ${index + 1}` })));
  // One object alone is a JSON Lines file of one line.
  return recordsEntries([{ value: whole, place: 'line 1' }]);
}

export function parseJsonDocuments(text: string): ImportedDocuments {
  return validateImport(jsonEntries(text));
}
