import { profileOf } from '../../service/api-profiles';
import { isNormalisedEndpoint } from '../../service/endpoint';
import type { ServiceRequest } from '../../service/http';
import { MAX_DOCUMENTS_PER_JOB } from '../../service/limits';
import type { JobInput } from '../../service/model';

/** How the snippet authenticates: the secret itself is read from an environment variable. */
export type SnippetAuth = 'key' | 'bearer';

/** What every snippet is built from: the exact request the app sends, and what was left out. */
export interface SnippetRequest {
  request: ServiceRequest;
  auth: SnippetAuth;
  /** The endpoint the job URL and its pages must stay on (the secret goes nowhere else). */
  endpoint: string;
  sentDocuments: number;
  totalDocuments: number;
}

export const ENV_VARIABLES: Record<SnippetAuth, string> = {
  key: 'LANGUAGE_KEY',
  bearer: 'LANGUAGE_TOKEN',
};

/** Every status after which a job changes no more, lower-cased (the seed API says `completed`). */
export const TERMINAL_STATUSES = [
  'succeeded',
  'partiallycompleted',
  'partiallysucceeded',
  'completed',
  'failed',
  'cancelled',
] as const;

/**
 * The first job of at most 25 documents, built by the same request builder the app uses. Only a
 * normalised endpoint (service/endpoint.ts) gets into a snippet: a shell or an HTTP library must
 * read exactly the host the app checked.
 */
export function snippetRequest(input: JobInput, auth: SnippetAuth): SnippetRequest {
  if (!isNormalisedEndpoint(input.endpoint)) {
    throw new Error(`Not a checked endpoint: ${JSON.stringify(input.endpoint)}`);
  }
  const documents = input.documents.slice(0, MAX_DOCUMENTS_PER_JOB);
  return {
    request: profileOf(input.apiVersion).submitRequest({ ...input, documents }),
    auth,
    endpoint: input.endpoint,
    sentDocuments: documents.length,
    totalDocuments: input.documents.length,
  };
}

/** How long to wait when the service gives no Retry-After, and the bounds of any wait, in seconds. */
export const WAIT_SECONDS = { default: 2, min: 1, max: 60 } as const;

/** The comment lines every snippet starts with, without the comment marker. */
export function headerLines({ auth, sentDocuments, totalDocuments }: SnippetRequest): string[] {
  const variable = ENV_VARIABLES[auth];
  const what =
    auth === 'key' ? 'the key of your Language resource' : 'a Microsoft Entra access token';
  const lines = [
    'Classify Console: submits the documents, polls the job until it ends, prints the result.',
    `Set ${variable} to ${what} first, without it going into your shell history:`,
    `  read -rs ${variable} && export ${variable}`,
  ];
  if (totalDocuments > sentDocuments) {
    lines.push(
      `Only the first ${sentDocuments} of ${totalDocuments} documents are included: one request takes at most ${MAX_DOCUMENTS_PER_JOB}.`,
    );
  }
  return lines;
}
