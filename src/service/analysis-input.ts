import type { JobInput } from './model';

/** The part of the request body both API generations share. */
export function analysisInput(input: JobInput) {
  return {
    ...(input.jobName ? { displayName: input.jobName } : {}),
    analysisInput: {
      documents: input.documents.map(({ id, text }) => ({
        id,
        ...(input.language ? { language: input.language } : {}),
        text,
      })),
    },
  };
}
