import { formatCount } from '../../../lib/format';
import type { InputDocument } from '../../../service/model';

export type ImportedDocument = InputDocument & { language?: string; label?: string };

export interface ImportProblem {
  /** Errors block the import; warnings say what was left out or guessed. */
  severity: 'error' | 'warning';
  message: string;
}

export interface ImportedDocuments {
  documents: ImportedDocument[];
  problems: ImportProblem[];
}

/** A document with where it came from, as the user would look it up: "row 5", "line 3", "a.txt". */
export interface ImportEntry {
  document: ImportedDocument;
  place: string;
}

export interface ImportEntries {
  entries: ImportEntry[];
  problems: ImportProblem[];
}

const MAX_LISTED = 8;

/** "rows 4, 9 and 12" when the places share a unit, else "a.txt, b.txt and 3 more". */
export function joinPlaces(places: string[]): string {
  const numbered = places.map((place) => /^(row|line|record) (\d+)$/.exec(place));
  const unit = numbered[0]?.[1];
  const sameUnit = unit !== undefined && numbered.every((match) => match?.[1] === unit);
  const shown = sameUnit ? numbered.map((match) => match?.[2] ?? '') : places;
  const listed = shown.slice(0, MAX_LISTED);
  const more = shown.length - listed.length;
  const items = more > 0 ? [...listed, `${formatCount(more)} more`] : listed;
  const joined =
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return sameUnit ? `${unit}${places.length > 1 ? 's' : ''} ${joined}` : joined;
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * The documents that can be sent, and why not when they cannot: empty and duplicate ids block,
 * empty texts are left out (the service would reject each of them).
 */
export function validateImport({ entries, problems }: ImportEntries): ImportedDocuments {
  const placesById = new Map<string, string[]>();
  const missingIds: string[] = [];
  const missingTexts: string[] = [];
  const documents: ImportedDocument[] = [];
  for (const { document, place } of entries) {
    if (document.text.trim() === '') {
      missingTexts.push(place);
      continue;
    }
    documents.push(document);
    if (document.id.trim() === '') {
      missingIds.push(place);
      continue;
    }
    const places = placesById.get(document.id);
    if (places) places.push(place);
    else placesById.set(document.id, [place]);
  }
  const found = [...problems];
  if (missingIds.length > 0)
    found.push({
      severity: 'error',
      message: `${plural(missingIds.length, 'document has', 'documents have')} no id: ${joinPlaces(missingIds)}. Every document needs an id.`,
    });
  const duplicates = [...placesById].filter(([, places]) => places.length > 1);
  if (duplicates.length > 0) {
    const listed = duplicates
      .slice(0, MAX_LISTED)
      .map(([id, places]) => `“${id}” (${joinPlaces(places)})`);
    const more = duplicates.length - listed.length;
    found.push({
      severity: 'error',
      message: `${plural(duplicates.length, 'id is', 'ids are')} used more than once: ${listed.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}. Ids must be unique.`,
    });
  }
  if (missingTexts.length > 0)
    found.push({
      severity: 'warning',
      message: `${plural(missingTexts.length, 'document has', 'documents have')} no text and ${missingTexts.length === 1 ? 'was' : 'were'} left out: ${joinPlaces(missingTexts)}.`,
    });
  return { documents, problems: found };
}

export function hasBlockingProblems(imported: ImportedDocuments): boolean {
  return imported.problems.some((problem) => problem.severity === 'error');
}
