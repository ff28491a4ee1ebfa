import { countTextElements } from '../lib/text-elements';
import type { InputDocument } from './model';

/** Per-request limits of custom text classification (see the service contract). */
export const MAX_DOCUMENTS_PER_JOB = 25;
export const MAX_CHARACTERS_PER_JOB = 125_000;

// Control characters other than tab and line breaks: the service rejects or mangles them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Documents the service would refuse whatever the batch: control characters, oversized texts. */
export function documentProblems(documents: InputDocument[]): string[] {
  const problems: string[] = [];
  for (const document of documents) {
    const control = CONTROL_CHARACTER.exec(document.text);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      problems.push(
        `${document.id} contains a control character (U+${code}) at position ${control.index + 1}; remove it.`,
      );
    }
    const length = countTextElements(document.text, MAX_CHARACTERS_PER_JOB);
    if (length > MAX_CHARACTERS_PER_JOB) {
      problems.push(
        `${document.id} alone is over ${MAX_CHARACTERS_PER_JOB.toLocaleString('en-US')} characters, more than one job may hold; shorten or split it.`,
      );
    }
  }
  return problems;
}

export interface BatchSize {
  documents: number;
  characters: number;
}

export function measureBatch(documents: InputDocument[]): BatchSize {
  return {
    documents: documents.length,
    characters: documents.reduce((sum, document) => sum + countTextElements(document.text), 0),
  };
}

/** Why this batch cannot be sent as one job, or nothing when it can. */
export function batchLimitErrors(size: BatchSize): string[] {
  const errors: string[] = [];
  if (size.documents > MAX_DOCUMENTS_PER_JOB)
    errors.push(
      `${size.documents} documents is over the limit of ${MAX_DOCUMENTS_PER_JOB} documents per job. Remove some documents; nothing was sent.`,
    );
  if (size.characters > MAX_CHARACTERS_PER_JOB)
    errors.push(
      `${size.characters.toLocaleString('en-US')} characters is over the limit of ${MAX_CHARACTERS_PER_JOB.toLocaleString('en-US')} characters per job. Shorten the documents; nothing was sent.`,
    );
  return errors;
}
