import {
  EMPTY_CONNECTION,
  type ConnectionSettings,
} from '../src/features/connection/connection-store';
import { validateConnection } from '../src/features/connection/validate-connection';
import { splitDocuments } from '../src/features/documents/paragraphs';
import { planBatch } from '../src/service/batching';
import { documentProblems } from '../src/service/limits';

/**
 * The catalogue of bad input the app must refuse before anything is sent. Vitest checks every
 * entry; `npm run reliability` counts them.
 */

export const VALID_CONNECTION: ConnectionSettings = {
  ...EMPTY_CONNECTION,
  endpoint: 'https://myres.cognitiveservices.azure.com',
  key: '0123456789abcdef0123456789abcdef',
  projectName: 'Tickets',
  deploymentName: 'production',
};

export interface BadInput {
  what: string;
  connection?: Partial<ConnectionSettings>;
  documents?: string;
}

const long = (length: number) => 'x'.repeat(length);

export const BAD_INPUTS: BadInput[] = [
  { what: 'an endpoint that is not a URL', connection: { endpoint: 'myres.cognitiveservices' } },
  { what: 'an endpoint with spaces inside', connection: { endpoint: 'https://my res.com' } },
  {
    what: 'http:// to a public host',
    connection: { endpoint: 'http://myres.cognitiveservices.azure.com' },
  },
  { what: 'http:// to a private address', connection: { endpoint: 'http://10.0.0.5' } },
  { what: 'a javascript: URL', connection: { endpoint: 'javascript:alert(1)' } },
  { what: 'a file: URL', connection: { endpoint: 'file:///etc/passwd' } },
  {
    what: 'a path glued to the endpoint',
    connection: { endpoint: 'https://myres.cognitiveservices.azure.com/language' },
  },
  {
    what: 'a query glued to the endpoint',
    connection: { endpoint: 'https://myres.cognitiveservices.azure.com?api-version=2023-04-01' },
  },
  {
    what: 'credentials in the endpoint',
    connection: { endpoint: 'https://a:b@myres.cognitiveservices.azure.com' },
  },
  { what: 'no endpoint', connection: { endpoint: '   ' } },
  { what: 'no key', connection: { key: '' } },
  { what: 'a key with a space', connection: { key: '0123 4567' } },
  { what: 'a key with a line break', connection: { key: '0123\n4567' } },
  { what: 'a key with a tab', connection: { key: '0123\t4567' } },
  { what: 'a project name with a space', connection: { projectName: 'My Project' } },
  { what: 'a project name with a slash', connection: { projectName: 'a/b' } },
  { what: 'a project name with a query', connection: { projectName: 'a?x=1' } },
  { what: 'a project name over 50 characters', connection: { projectName: long(51) } },
  { what: 'a project name with non-ASCII letters', connection: { projectName: 'Projekt_Ü' } },
  { what: 'no project name on the GA API', connection: { projectName: '' } },
  { what: 'a deployment name with a space', connection: { deploymentName: 'prod 1' } },
  { what: 'a deployment name over 50 characters', connection: { deploymentName: long(51) } },
  { what: 'no deployment name on the GA API', connection: { deploymentName: '' } },
  {
    what: 'no model ID on the preview API',
    connection: { apiVersion: 'v3.1-preview.ct.1', modelId: '' },
  },
  {
    what: 'a model ID with spaces',
    connection: { apiVersion: 'v3.1-preview.ct.1', modelId: 'my model' },
  },
  {
    what: 'a model ID with a slash',
    connection: { apiVersion: 'v3.1-preview.ct.1', modelId: 'a/b_latest' },
  },
  { what: 'a language that is a word', connection: { language: 'english' } },
  { what: 'a language with digits', connection: { language: 'e1' } },
  { what: 'a language with an underscore', connection: { language: 'en_US' } },
  { what: 'a job name over 100 characters', connection: { jobName: long(101) } },
  {
    what: 'the proxy towards a host it does not serve',
    connection: { useProxy: true, endpoint: 'https://example.com' },
  },
  { what: 'no documents', documents: '' },
  { what: 'only blank paragraphs', documents: ' \n\n\t\n\n ' },
  { what: 'one document over 125,000 characters', documents: long(125_001) },
  { what: 'a NUL character', documents: 'hello\u0000world' },
  { what: 'an escape sequence', documents: 'colour \u001b[31mred' },
  { what: 'a form feed', documents: 'page\u000cbreak' },
];

/** Why the app refuses this input, or an empty list if it would send it. */
export function refusalsOf(input: BadInput): string[] {
  const settings = { ...VALID_CONNECTION, ...input.connection };
  const check = validateConnection(settings, true, 'http://127.0.0.1:4173');
  const documents = splitDocuments(input.documents ?? 'A valid document.');
  const documentErrors = [
    ...documentProblems(documents),
    ...planBatch(documents).oversized.map(({ id }) => `${id} is too long for any job.`),
    ...(documents.length === 0 ? ['Add at least one document.'] : []),
  ];
  return [...Object.values(check.errors), ...documentErrors].filter(Boolean);
}
