import { countTextElements } from '../lib/text-elements';
import type { InputDocument } from './model';

/** Per-request limits of custom text classification (see the service contract). */
export const MAX_DOCUMENTS_PER_JOB = 25;
export const MAX_CHARACTERS_PER_JOB = 125_000;

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
