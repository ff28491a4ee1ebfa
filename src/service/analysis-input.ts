import type { JobInput } from './model';

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
