import type { JobInput } from './model';

/** What a document's `language` says to have the service detect it (versions that detect). */
export const AUTO_LANGUAGE = 'auto';

/** The part of the request body both API generations share. */
export function analysisInput(input: JobInput) {
  return {
    ...(input.jobName ? { displayName: input.jobName } : {}),
    analysisInput: {
      documents: input.documents.map(({ id, text, language }) => {
        const documentLanguage = language ?? input.language;
        return { id, ...(documentLanguage ? { language: documentLanguage } : {}), text };
      }),
    },
  };
}
