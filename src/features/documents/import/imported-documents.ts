import { formatCount } from '../../../lib/format';
import { countTextElements, firstTextElements } from '../../../lib/text-elements';
import { onFirstUse } from '../../../lib/on-first-use';
import { MAX_CHARACTERS_PER_JOB } from '../../../service/limits';
import type { InputDocument } from '../../../service/model';

/**
 * A document from a file; `labels` are its gold labels, exactly as written there. `metadata` holds
 * the file's other columns or fields (a source, a customer, …) by name, kept for slicing and export.
 */
export type ImportedDocument = InputDocument & {
  language?: string;
  labels?: string[];
  metadata?: Record<string, string>;
};

const LABEL_SEPARATOR = /[;|]/;

/**
 * The gold labels one cell or field holds: several are separated by `;` or `|`. Names are kept
 * as written (only trimmed), since the service matches class names case-sensitively; empty
 * names and repeats are dropped.
 */
export function parseLabels(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? value.split(LABEL_SEPARATOR) : value;
  const labels: string[] = [];
  for (const part of parts) {
    const label = part.trim();
    if (label !== '' && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

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
interface ImportEntry {
  document: ImportedDocument;
  place: string;
}

export interface ImportEntries {
  entries: ImportEntry[];
  problems: ImportProblem[];
}

const MAX_LISTED = 8;

/** A document longer than a whole job may be can never be sent (the service counts text elements). */
export const MAX_DOCUMENT_CHARACTERS = MAX_CHARACTERS_PER_JOB;

/** What a preview or a message shows of a text at most: a huge document never reaches the page whole. */
const PREVIEW_CHARACTERS = 300;

/** The start of a text, cut between characters (never inside one), with "…" when there is more. */
export function previewText(text: string, limit = PREVIEW_CHARACTERS): string {
  if (text.length <= limit) return text;
  // At most `limit` text elements; slicing twice the code units first keeps the segmenter's work small.
  return `${firstTextElements(text.slice(0, limit * 2), limit)}…`;
}

const WINDOW = 4_096;

/**
 * Whether `text` has more than `limit` text elements, counted a window at a time: one
 * `Intl.Segmenter` pass over a long string slows down far faster than its length grows (40,000
 * emoji took 5 s in V8; by windows, a million take under a second). A window's last element may
 * go on past it, so the next window starts there.
 */
export function exceedsTextElements(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let counted = 0;
  let start = 0;
  while (start < text.length) {
    const end = Math.min(text.length, start + WINDOW);
    const window = text.slice(start, end);
    if (end === text.length) return counted + countTextElements(window, limit) > limit;
    let last = 0;
    let inWindow = 0;
    for (const { index } of segmenter().segment(window)) {
      last = index;
      inWindow += 1;
    }
    // One element filling the whole window (a pathological cluster) counts once.
    counted += last === 0 ? 1 : inWindow - 1;
    start = last === 0 ? end : start + last;
    if (counted > limit) return true;
  }
  return counted > limit;
}

const segmenter = onFirstUse(() => new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

function isTooLong(text: string): boolean {
  return exceedsTextElements(text, MAX_DOCUMENT_CHARACTERS);
}

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
 * empty texts and texts longer than the service takes are left out (it would reject each of them),
 * so the text of an oversized document is not kept.
 */
export function validateImport({ entries, problems }: ImportEntries): ImportedDocuments {
  const placesById = new Map<string, string[]>();
  const missingIds: string[] = [];
  const missingTexts: string[] = [];
  const tooLong: string[] = [];
  const documents: ImportedDocument[] = [];
  for (const { document, place } of entries) {
    if (document.text.trim() === '') {
      missingTexts.push(place);
      continue;
    }
    if (isTooLong(document.text)) {
      tooLong.push(place);
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
      .map(([id, places]) => `“${previewText(id, 60)}” (${joinPlaces(places)})`);
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
  if (tooLong.length > 0) {
    const one = tooLong.length === 1;
    found.push({
      severity: 'warning',
      message: `${plural(tooLong.length, 'document is', 'documents are')} longer than the service takes (${formatCount(MAX_DOCUMENT_CHARACTERS)} characters a document) and ${one ? 'was' : 'were'} left out: ${joinPlaces(tooLong)}. Split ${one ? 'it' : 'them'} into shorter documents.`,
    });
  }
  return { documents, problems: found };
}

export function hasBlockingProblems(imported: ImportedDocuments): boolean {
  return imported.problems.some((problem) => problem.severity === 'error');
}
