import type { InputDocument } from './model';

/** Per-request limits of custom text classification (see the service contract). */
export const MAX_DOCUMENTS_PER_JOB = 25;
export const MAX_CHARACTERS_PER_JOB = 125_000;
/** Classes one custom text classification project can have. */
export const MAX_CLASSES_PER_PROJECT = 200;

// Control characters other than tab and line breaks: the service rejects or mangles them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Documents the service would mangle or refuse: control characters. Oversized ones are left out by the batch plan. */
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
  }
  return problems;
}

export interface BatchSize {
  documents: number;
  characters: number;
}
