import { countTextElements } from '../lib/text-elements';
import { MAX_CHARACTERS_PER_JOB, MAX_DOCUMENTS_PER_JOB, type BatchSize } from './limits';
import type { InputDocument } from './model';

export interface BatchPlan {
  /** Every document and character given, oversized ones included: what the counters show. */
  size: BatchSize;
  /** Documents in their original order, cut into jobs the service accepts. */
  jobs: InputDocument[][];
  /** Documents no job can hold: reported, never sent. */
  oversized: { id: string; characters: number }[];
}

/** Splits documents, in order, into jobs of at most 25 documents and 125,000 characters. */
export function planBatch(
  documents: InputDocument[],
  maxDocuments = MAX_DOCUMENTS_PER_JOB,
  maxCharacters = MAX_CHARACTERS_PER_JOB,
): BatchPlan {
  const jobs: InputDocument[][] = [];
  const oversized: BatchPlan['oversized'] = [];
  let current: InputDocument[] = [];
  let characters = 0;
  let total = 0;
  for (const document of documents) {
    const size = countTextElements(document.text, maxCharacters);
    if (size > maxCharacters) {
      const full = countTextElements(document.text);
      oversized.push({ id: document.id, characters: full });
      total += full;
      continue;
    }
    total += size;
    if (current.length === maxDocuments || characters + size > maxCharacters) {
      jobs.push(current);
      current = [];
      characters = 0;
    }
    current.push(document);
    characters += size;
  }
  if (current.length > 0) jobs.push(current);
  return { size: { documents: documents.length, characters: total }, jobs, oversized };
}
