import { DEMO_ENDPOINT, DEMO_KEY } from '../src/demo/demo-settings';
import { EMPTY_CONNECTION } from '../src/features/connection/connection-store';
import {
  appliesUnasked,
  readViewFragment,
  shareViewUrl,
  type SharedView,
} from '../src/features/connection/shared-view';
import { validateConnection } from '../src/features/connection/validate-connection';
import { snippetRequest } from '../src/features/request/snippet-request';
import { VALID_CONNECTION } from './bad-inputs';
import { runSnippetAttacks, type SnippetRun } from './snippet-attacks';

/**
 * The attacks of issue 16 on the endpoint, shared links and copied snippets, counted by
 * `npm run reliability`: each hostile endpoint is tried in the form, in a shared link and in a
 * snippet; each shared link that would change the endpoint must ask; each snippet runs with its
 * argv recorded and must put no secret there.
 */

const RESOURCE = 'https://contoso-language.cognitiveservices.azure.com';

/** Endpoints an attacker would like the app, a link or a snippet to read as another host. */
const HOSTILE_ENDPOINTS: { name: string; endpoint: string; normalised?: string }[] = [
  { name: 'braces curl expands', endpoint: `${RESOURCE}{,.evil.example}` },
  { name: 'a comma in the host', endpoint: `${RESOURCE},evil.example` },
  {
    name: 'user info before the host',
    endpoint: 'https://evil.example@contoso.cognitiveservices.azure.com',
  },
  { name: 'user info hiding the host', endpoint: `${RESOURCE}@evil.example` },
  { name: 'a path', endpoint: `${RESOURCE}/@evil.example` },
  { name: 'a query', endpoint: `${RESOURCE}?@evil.example` },
  { name: 'a fragment', endpoint: `${RESOURCE}#@evil.example` },
  { name: 'a backslash', endpoint: `${RESOURCE}\\@evil.example` },
  { name: 'a percent-encoded dot', endpoint: 'https://contoso%2Eevil.example' },
  { name: 'an IPv4 shorthand', endpoint: 'http://127.1:4010' },
  { name: 'a trailing dot', endpoint: `${RESOURCE}.`, normalised: RESOURCE },
  { name: 'upper case', endpoint: RESOURCE.toUpperCase(), normalised: RESOURCE },
];

const view = (endpoint: string): SharedView => ({
  endpoint,
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'SupportTickets',
  deploymentName: 'production',
  modelId: '',
  language: '',
});

const fragmentFor = (endpoint: string) =>
  new URL(shareViewUrl(view(endpoint), 'http://127.0.0.1:4173/')).hash;

/** Refused (or, for a second spelling, turned into the one origin) in the form, a link and a snippet. */
function hostileEndpointHolds({ endpoint, normalised }: (typeof HOSTILE_ENDPOINTS)[number]) {
  const form = validateConnection({ ...VALID_CONNECTION, endpoint }, true);
  const link = readViewFragment(fragmentFor(endpoint));
  let snippetBuilt = true;
  try {
    snippetRequest({ ...view(endpoint), jobName: '', documents: [] }, 'key');
  } catch {
    snippetBuilt = false;
  }
  if (normalised) {
    return (
      form.ok &&
      form.connection.resourceEndpoint === normalised &&
      link.kind === 'view' &&
      link.view.endpoint === normalised &&
      !snippetBuilt
    );
  }
  return !form.ok && link.kind === 'invalid' && !snippetBuilt;
}

/** A shared link that would change the endpoint, opened where the app used to apply it unasked. */
const SILENT_LINKS: { name: string; endpoint: string; form: typeof EMPTY_CONNECTION }[] = [
  {
    name: 'a non-Azure link on a first visit',
    endpoint: 'https://contoso-language.cognitiveservices.azure.com.evil.example',
    form: EMPTY_CONNECTION,
  },
  {
    name: 'a non-Azure link over the demo',
    endpoint: 'https://api.evil.example',
    form: { ...EMPTY_CONNECTION, endpoint: DEMO_ENDPOINT, key: DEMO_KEY },
  },
  {
    name: 'another Azure resource over the demo',
    endpoint: 'https://other.cognitiveservices.azure.com',
    form: { ...EMPTY_CONNECTION, endpoint: DEMO_ENDPOINT, key: DEMO_KEY },
  },
];

function silentLinkAsks({ endpoint, form }: (typeof SILENT_LINKS)[number]): boolean {
  const reading = readViewFragment(fragmentFor(endpoint));
  return reading.kind === 'view' && !appliesUnasked(reading.view, form, DEMO_ENDPOINT);
}

export interface EndpointAttackFigures {
  tried: number;
  refused: number;
  lines: string[];
  /** Arguments of the snippets' processes that held the key or token: must be 0. */
  secretsInArgv: number;
  /** The snippets that ran (cURL, fetch, Python), each with the key and with a token. */
  snippetsRun: string[];
  snippetsSkipped: string[];
}

const snippetHolds = (run: SnippetRun) =>
  !run.error &&
  run.secretDelivered &&
  run.secretsInArgv === 0 &&
  run.waitsOk &&
  run.expandedUrls === 0;

/** One line per attack, `refused …` when it held and `LET THROUGH …` when it did not. */
const line = (name: string, held: boolean) => `${held ? 'refused' : 'LET THROUGH'}  ${name}`;

/** The hostile endpoints and the links that used to apply unasked: no network, no processes. */
export function endpointAndLinkAttacks(): string[] {
  return [
    ...HOSTILE_ENDPOINTS.map((attack) =>
      line(
        `endpoint with ${attack.name} (form, shared link, snippet)`,
        hostileEndpointHolds(attack),
      ),
    ),
    ...SILENT_LINKS.map((link) =>
      line(`${link.name}, applied without asking`, silentLinkAsks(link)),
    ),
  ];
}

export async function runEndpointAttacks(): Promise<EndpointAttackFigures> {
  const runs = await runSnippetAttacks();
  const ran = runs.filter((run) => !run.skipped);
  const lines = [
    ...endpointAndLinkAttacks(),
    ...ran.map((run) =>
      line(
        `${run.kind} snippet with the ${run.auth === 'key' ? 'key' : 'token'}: secret in process arguments, Retry-After dates, {1,2} in a job URL`,
        snippetHolds(run),
      ),
    ),
  ];
  return {
    tried: lines.length,
    refused: lines.filter((entry) => entry.startsWith('refused')).length,
    lines,
    secretsInArgv: ran.reduce((sum, run) => sum + run.secretsInArgv, 0),
    snippetsRun: [...new Set(ran.map((run) => run.kind))],
    snippetsSkipped: runs.filter((run) => run.skipped).map((run) => `${run.kind}: ${run.skipped}`),
  };
}
