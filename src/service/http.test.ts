import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAttackerServer } from '../../scripts/attacker-server';
import { ServiceError } from './errors';
import { listProjects } from './authoring';
import { authHeader, callService } from './http';
import { cancelJob, fetchJob, submitJob } from './jobs';
import type { JobInput } from './model';
import { fetchDeletionJob, requestProjectDeletion } from './project-deletion';

const KEY = 'secret-key';

/** An endpoint on loopback that answers every call with `redirect`, or with a finished job page. */
interface Endpoint {
  origin: string;
  redirect: { status: number; location: string; when: (url: URL) => boolean } | undefined;
}

let attacker: Awaited<ReturnType<typeof startAttackerServer>>;
let server: Server;
const endpoint: Endpoint = { origin: '', redirect: undefined };

function jobPage(origin: string, url: URL) {
  const first = !url.searchParams.has('skip');
  return {
    jobId: 'job-1',
    createdDateTime: '2026-03-14T09:26:53Z',
    lastUpdateDateTime: '2026-03-14T09:26:55Z',
    expirationDateTime: '2026-03-15T09:26:53Z',
    status: 'succeeded',
    errors: [],
    tasks: {
      completed: 1,
      failed: 0,
      inProgress: 0,
      total: 1,
      items: [
        {
          kind: 'CustomSingleLabelClassificationLROResults',
          taskName: 'classify',
          lastUpdateDateTime: '2026-03-14T09:26:55Z',
          status: 'succeeded',
          results: {
            documents: [
              {
                id: first ? 'doc1' : 'doc21',
                class: [{ category: 'Billing', confidenceScore: 0.9 }],
                warnings: [],
              },
            ],
            errors: [],
          },
        },
      ],
    },
    ...(first
      ? {
          nextLink: `${origin}/language/analyze-text/jobs/job-1?top=20&skip=20&api-version=2023-04-01`,
        }
      : {}),
  };
}

beforeAll(async () => {
  attacker = await startAttackerServer();
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', endpoint.origin);
    request.resume();
    const redirect = endpoint.redirect;
    if (redirect?.when(url)) {
      response.writeHead(redirect.status, { location: redirect.location });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(jobPage(endpoint.origin, url)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  endpoint.origin = `http://127.0.0.1:${address.port}`;
});
afterEach(() => {
  endpoint.redirect = undefined;
  vi.unstubAllGlobals();
});
afterAll(async () => {
  await attacker.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

const credentials = () => ({ endpoint: endpoint.origin, key: KEY });
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJleHAiOjF9.';
const bearer = () => ({ endpoint: endpoint.origin, key: TOKEN, scheme: 'bearer' as const });
const jobUrl = () => `${endpoint.origin}/language/analyze-text/jobs/job-1?api-version=2023-04-01`;
const input = (): JobInput => ({
  endpoint: endpoint.origin,
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'SupportTickets',
  deploymentName: 'production',
  modelId: '',
  language: '',
  jobName: '',
  documents: [{ id: 'doc1', text: 'My invoice was charged twice.' }],
});

const everyCall: [string, (url: URL) => boolean, () => Promise<unknown>][] = [
  ['submit', () => true, () => submitJob(input(), { key: KEY })],
  ['poll', (url) => !url.searchParams.has('skip'), () => fetchJob(jobUrl(), credentials())],
  ['nextLink page', (url) => url.searchParams.has('skip'), () => fetchJob(jobUrl(), credentials())],
  ['cancel', () => true, () => cancelJob(jobUrl(), credentials())],
  [
    'project deletion',
    () => true,
    () => requestProjectDeletion(credentials(), '2023-04-01', 'SupportTickets'),
  ],
  [
    'deletion job poll',
    () => true,
    () =>
      fetchDeletionJob(
        `${endpoint.origin}/language/authoring/analyze-text/projects/global/deletion-jobs/d1?api-version=2023-04-01`,
        credentials(),
      ),
  ],
];

describe('redirects are refused, so the key never follows one', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it.each(everyCall)(`a ${status} on the %s is a redirect error`, async (_name, when, call) => {
      const before = attacker.requests().length;
      endpoint.redirect = { status, location: `${attacker.origin}/stolen`, when };
      const refused = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (!(refused instanceof ServiceError)) throw new Error(`not refused: ${String(refused)}`);
      expect(refused.kind).toBe('redirect');
      expect(refused.isTransient).toBe(false);
      expect(refused.message).toContain(attacker.origin);
      expect(refused.message).toMatch(/not followed.*key did not leave/);
      expect(attacker.requests().length).toBe(before);
      expect(attacker.credentialedRequests()).toBe(0);
    });
  }

  it.each([
    ['poll', (url: URL) => !url.searchParams.has('skip'), () => fetchJob(jobUrl(), bearer())],
    ['project list', () => true, () => listProjects(bearer())],
    ['submit', () => true, () => submitJob(input(), { key: TOKEN, scheme: 'bearer' })],
  ] as const)('an access token never follows a redirect either (%s)', async (_name, when, call) => {
    endpoint.redirect = { status: 307, location: `${attacker.origin}/stolen`, when };
    const refused = await call().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(refused instanceof ServiceError)) throw new Error(`not refused: ${String(refused)}`);
    expect(refused.kind).toBe('redirect');
    expect(refused.message).toMatch(/not followed, so your access token did not leave/);
    expect(attacker.credentialedRequests()).toBe(0);
  });

  it('the calls still work when nothing redirects, pages included', async () => {
    const poll = await fetchJob(jobUrl(), credentials());
    expect(poll.snapshot.documents.map((document) => document.id)).toEqual(['doc1', 'doc21']);
  });

  it('asks fetch never to follow, and refuses the opaque redirect a browser gives', async () => {
    const inits: RequestInit[] = [];
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      statusText: '',
      headers: new Headers(),
      body: null,
      text: () => Promise.resolve(''),
    };
    vi.stubGlobal('fetch', (_url: URL, init: RequestInit) => {
      inits.push(init);
      return Promise.resolve(opaque);
    });
    const error = await callService({ method: 'GET', url: jobUrl() }, credentials()).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof ServiceError)) throw new Error(`not refused: ${String(error)}`);
    expect(error.kind).toBe('redirect');
    expect(error.message).toContain('redirect to another address');
    expect(inits.map((init) => init.redirect)).toEqual(['manual']);
  });

  it('treats the local proxy refusing a redirect as a redirect, never retried', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        Response.json(
          {
            error: {
              code: 'ProxyRedirectRefused',
              message: 'The service answered with a redirect (307).',
            },
          },
          { status: 502 },
        ),
      ),
    );
    const error = await callService({ method: 'GET', url: jobUrl() }, credentials()).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof ServiceError)) throw new Error(`not refused: ${String(error)}`);
    expect(error.kind).toBe('redirect');
    expect(error.isTransient).toBe(false);
    expect(error.message).toMatch(/local proxy.*not followed, so your key did not leave/);
  });
});

describe('the secret header', () => {
  it('sends a key as Ocp-Apim-Subscription-Key and a token as a bearer token, never both', async () => {
    const sent: HeadersInit[] = [];
    vi.stubGlobal('fetch', (_url: URL, init: RequestInit) => {
      sent.push(init.headers ?? {});
      return Promise.resolve(Response.json({}));
    });
    await callService({ method: 'GET', url: jobUrl() }, credentials());
    await callService({ method: 'GET', url: jobUrl() }, bearer());
    expect(sent).toEqual([
      { 'Ocp-Apim-Subscription-Key': KEY },
      { Authorization: `Bearer ${TOKEN}` },
    ]);
    expect(authHeader({ key: 'k' })).toEqual({ 'Ocp-Apim-Subscription-Key': 'k' });
  });

  it('keeps a token from another origin, and says so', async () => {
    const error = await callService(
      { method: 'GET', url: `${attacker.origin}/jobs/1` },
      bearer(),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'foreign-origin' });
    expect(String(error)).toMatch(/your access token did not leave/);
    expect(attacker.credentialedRequests()).toBe(0);
  });

  it('marks an HTTP error with the scheme, so a refused token gets its own hint', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(Response.json({ error: { code: '401', message: 'no' } }, { status: 401 })),
    );
    const keyError = await callService({ method: 'GET', url: jobUrl() }, credentials()).catch(
      (caught: unknown) => caught,
    );
    const tokenError = await callService({ method: 'GET', url: jobUrl() }, bearer()).catch(
      (caught: unknown) => caught,
    );
    expect(keyError).toMatchObject({ status: 401, scheme: 'key' });
    expect(tokenError).toMatchObject({ status: 401, scheme: 'bearer' });
  });
});
