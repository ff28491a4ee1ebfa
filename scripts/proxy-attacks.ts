import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createLocalProxy, type LocalProxyOptions } from './local-proxy.ts';

/**
 * The attacks of issue 8 against the local proxy, on loopback only: a hostile service (redirects,
 * HTML, huge bodies), a local "admin API" the proxy must never reach, and the proxy itself (with and
 * without CLASSIFY_PROXY_LOOPBACK). Used by the proxy's tests and by `npm run reliability`.
 */

export const ATTACK_KEY = 'attack-key-0000';
/** Marks the requests the attacker sends itself, so that a request the proxy sends to itself shows. */
const CLIENT_MARK = 'x-attack-client';
const ATTACK_TIMEOUT_MS = 10_000;

export interface RecordedRequest {
  method: string;
  path: string;
  carriedKey: boolean;
  fromAttacker: boolean;
}

export interface LoopbackServer {
  origin: string;
  host: string;
  port: number;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, origin: string) => void;

async function listen(handler: Handler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    requests.push({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      carriedKey: Boolean(
        request.headers['ocp-apim-subscription-key'] ?? request.headers.authorization,
      ),
      fromAttacker: request.headers[CLIENT_MARK] === '1',
    });
    handler(request, response, origin);
  });
  server.requestTimeout = ATTACK_TIMEOUT_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no TCP address.');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    host: `127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Streams `bytes` of a JSON array without ever holding them, until done or the reader leaves. */
function streamJson(response: ServerResponse, bytes: number, declaredLength?: number) {
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(declaredLength ? { 'content-length': String(declaredLength) } : {}),
  });
  const chunk = Buffer.from(`"${'x'.repeat(64)}",`.repeat(1000));
  let sent = 0;
  response.write('[');
  const pump = () => {
    while (sent < bytes && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end('0]');
  };
  pump();
}

/** An upstream that answers like the service, or with whatever an attacker would answer. */
export function startHostileService(): Promise<LoopbackServer> {
  return listen((request, response, origin) => {
    const url = new URL(request.url ?? '/', origin);
    request.resume();
    switch (url.pathname) {
      case '/language/analyze-text/jobs':
        response.writeHead(202, {
          'operation-location': `${origin}/language/analyze-text/jobs/1?api-version=2023-04-01`,
        });
        response.end();
        return;
      case '/json':
        sendJson(response, 200, { status: 'succeeded', nextLink: `${origin}/json?skip=20` });
        return;
      case '/problem':
        sendJson(
          response,
          404,
          { error: { code: 'NotFound', message: 'No such job.' } },
          {
            'content-type': 'application/problem+json',
          },
        );
        return;
      case '/html':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<script>parent.postMessage(localStorage.getItem("key"), "*")</script>');
        return;
      case '/unlabelled':
        response.writeHead(200);
        response.end('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
        return;
      case '/redirect':
        response.writeHead(Number(url.searchParams.get('status') ?? 307), {
          location: url.searchParams.get('to') ?? 'https://example.com/',
          'content-type': 'application/json',
        });
        response.end('{}');
        return;
      case '/huge':
        streamJson(response, Number(url.searchParams.get('bytes') ?? 17 * 1024 * 1024));
        return;
      case '/huge-declared':
        streamJson(response, 400 * 1024 * 1024, 400 * 1024 * 1024);
        return;
      case '/slow':
        setTimeout(() => sendJson(response, 200, {}), Number(url.searchParams.get('ms') ?? 300));
        return;
      case '/headers':
        sendJson(response, 200, { headers: Object.keys(request.headers).sort() });
        return;
      default:
        sendJson(response, 404, { error: { code: '404', message: 'Resource not found' } });
    }
  });
}

/** Another service on this machine (an admin API with secrets): the proxy must never reach it. */
export function startAdminApi(): Promise<LoopbackServer> {
  return listen((request, response) => {
    request.resume();
    sendJson(response, 200, { secret: 'admin-secret' });
  });
}

/** The proxy on its own loopback server, as `vite preview` serves it. */
export function startProxyServer(options: LocalProxyOptions): Promise<LoopbackServer> {
  const middleware = createLocalProxy(options);
  return listen((request, response) =>
    middleware(request, response, () => sendJson(response, 404, { notProxied: true })),
  );
}

export interface AttackOutcome {
  status: number;
  code?: string;
  sandboxed: boolean;
}

/** Sends one request as the attacker (key included unless told otherwise) and reads the answer. */
export type AttackInit = RequestInit & { withKey?: boolean; duplex?: 'half' };

export async function attack(
  origin: string,
  path: string,
  init: AttackInit = {},
): Promise<AttackOutcome> {
  const { withKey = true, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set(CLIENT_MARK, '1');
  if (withKey) headers.set('Ocp-Apim-Subscription-Key', ATTACK_KEY);
  const response = await fetch(`${origin}${path}`, {
    ...rest,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(ATTACK_TIMEOUT_MS),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && 'error' in json) {
      const error: unknown = json.error;
      if (typeof error === 'object' && error !== null && 'code' in error) {
        code = typeof error.code === 'string' ? error.code : undefined;
      }
    }
  } catch {
    code = undefined;
  }
  const csp = response.headers.get('content-security-policy') ?? '';
  return { status: response.status, code, sandboxed: csp.startsWith('sandbox') };
}

/** A body of `bytes` sent in chunks with no Content-Length, so the cap must hold while streaming. */
export function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) controller.close();
      else {
        sent += chunk.length;
        controller.enqueue(chunk);
      }
    },
  });
}

interface Attack {
  name: string;
  /** Which proxy: `closed` as started by default, `open` with CLASSIFY_PROXY_LOOPBACK=1. */
  proxy: 'closed' | 'open';
  path: (servers: Servers) => string;
  init?: AttackInit;
  expect: number;
}

interface Servers {
  service: LoopbackServer;
  admin: LoopbackServer;
  open: LoopbackServer;
  closed: LoopbackServer;
}

const MB = 1024 * 1024;

const ATTACKS: Attack[] = [
  ...['127.0.0.1', '127.1', '2130706433', '0x7f.1', '0177.0.0.1', 'localhost', '[::1]'].map(
    (host): Attack => ({
      name: `loopback ${host} without CLASSIFY_PROXY_LOOPBACK`,
      proxy: 'closed',
      path: ({ admin }) => `/__proxy/http/${host}:${admin.port}/secrets`,
      expect: 403,
    }),
  ),
  {
    name: 'IPv4-mapped loopback [::ffff:127.0.0.1]',
    proxy: 'closed',
    path: ({ admin }) => `/__proxy/http/[::ffff:127.0.0.1]:${admin.port}/secrets`,
    expect: 403,
  },
  {
    name: '0.0.0.0 without CLASSIFY_PROXY_LOOPBACK',
    proxy: 'closed',
    path: ({ admin }) => `/__proxy/http/0.0.0.0:${admin.port}/secrets`,
    expect: 403,
  },
  {
    name: 'a host that is not Azure AI',
    proxy: 'open',
    path: () => '/__proxy/https/example.com/',
    expect: 403,
  },
  ...['res.cognitiveservices.azure.com:8443', 'westeurope.api.cognitive.microsoft.com:22'].map(
    (host): Attack => ({
      name: `Azure host on another port (${host})`,
      proxy: 'closed',
      path: () => `/__proxy/https/${host}/language/`,
      expect: 403,
    }),
  ),
  {
    name: 'Azure host over plain http',
    proxy: 'closed',
    path: () => '/__proxy/http/res.cognitiveservices.azure.com/language/',
    expect: 403,
  },
  // One origin, spelt one way: the proxy takes the target only as the app's endpoint check writes it.
  ...[
    'res.cognitiveservices.azure.com{,.evil.example}',
    'res.cognitiveservices.azure.com,evil.example',
    'res.cognitiveservices.azure.com.',
    'RES.cognitiveservices.azure.com',
    'res%2Ecognitiveservices.azure.com',
    'res.cognitiveservices.azure.com:443',
  ].map((host): Attack => ({
    name: `an Azure host not in its normalised form (${host})`,
    proxy: 'closed',
    path: () => `/__proxy/https/${host}/language/`,
    expect: 403,
  })),
  ...['LOCALHOST', 'localhost.', '127.0.0.1.'].map((host): Attack => ({
    name: `a loopback service spelt ${host} (not normalised)`,
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${host}:${service.port}/json`,
    expect: 403,
  })),
  {
    name: 'user info in the target (evil@host)',
    proxy: 'open',
    path: ({ admin }) => `/__proxy/http/user@127.0.0.1:${admin.port}/`,
    expect: 400,
  },
  ...['127.0.0.1', 'localhost', '2130706433', '127.0.0.2'].map((host): Attack => ({
    name: `the proxy's own port via ${host}`,
    proxy: 'open',
    path: ({ open }) => `/__proxy/http/${host}:${open.port}/__health`,
    expect: 403,
  })),
  {
    name: 'the proxy nested in itself',
    proxy: 'open',
    path: ({ open, admin }) =>
      `/__proxy/http/127.0.0.1:${open.port}/__proxy/http/127.0.0.1:${admin.port}/secrets`,
    expect: 403,
  },
  {
    name: 'a proxy path on another loopback server (encoded)',
    proxy: 'open',
    path: ({ service, admin }) =>
      `/__proxy/http/${service.host}/%5F%5Fproxy/http/127.0.0.1:${admin.port}/secrets`,
    expect: 403,
  },
  {
    name: 'no key or token header',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/json`,
    init: { withKey: false },
    expect: 401,
  },
  {
    name: 'a cross-site request',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/json`,
    init: { headers: { 'Sec-Fetch-Site': 'cross-site' } },
    expect: 403,
  },
  {
    name: 'an HTML answer from upstream',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/html`,
    expect: 502,
  },
  {
    name: 'an answer with no content type',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/unlabelled`,
    expect: 502,
  },
  ...[301, 302, 303, 307, 308].map((status): Attack => ({
    name: `a ${status} redirect to another host (poll or page)`,
    proxy: 'open',
    path: ({ service, admin }) =>
      `/__proxy/http/${service.host}/redirect?status=${status}&to=${encodeURIComponent(`${admin.origin}/steal`)}`,
    expect: 502,
  })),
  {
    name: 'a 307 redirect of a submit to another host',
    proxy: 'open',
    path: ({ service, admin }) =>
      `/__proxy/http/${service.host}/redirect?status=307&to=${encodeURIComponent(`${admin.origin}/steal`)}`,
    init: { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
    expect: 502,
  },
  {
    name: 'a 9 MB request body',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/language/analyze-text/jobs`,
    init: { method: 'POST', body: new Uint8Array(9 * MB).fill(0x61) },
    expect: 413,
  },
  {
    name: 'a 9 MB request body without Content-Length',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/language/analyze-text/jobs`,
    init: { method: 'POST', body: chunkedBody(9 * MB), duplex: 'half' },
    expect: 413,
  },
  {
    name: 'a 17 MB streamed answer',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/huge`,
    expect: 502,
  },
  {
    name: 'a 400 MB declared answer',
    proxy: 'open',
    path: ({ service }) => `/__proxy/http/${service.host}/huge-declared`,
    expect: 502,
  },
];

/** Requests that reached a host other than the one intended, carrying the key or a token. */
function countKeyLeaks({ service, admin, open, closed }: Servers): number {
  const strayToProxy = [...open.requests, ...closed.requests].filter(
    (request) => !request.fromAttacker && request.carriedKey,
  );
  const toAdmin = admin.requests.filter((request) => request.carriedKey);
  const redirected = service.requests.filter(
    (request) => request.carriedKey && request.path.startsWith('/steal'),
  );
  return strayToProxy.length + toAdmin.length + redirected.length;
}

/** Many calls at once: past the cap the proxy must answer 503 with Retry-After. */
async function floodAttack(servers: Servers): Promise<{ line: string; refused: boolean }> {
  const calls = 24;
  const answers = await Promise.all(
    Array.from({ length: calls }, () =>
      attack(servers.open.origin, `/__proxy/http/${servers.service.host}/slow?ms=400`),
    ),
  );
  const busy = answers.filter((answer) => answer.status === 503 && answer.code === 'ProxyBusy');
  const refused = busy.length >= calls - 16 && answers.every((answer) => answer.sandboxed);
  return {
    refused,
    line: `${refused ? 'refused' : 'LET THROUGH'}  ${calls} calls at once: ${busy.length} answered 503 ProxyBusy`,
  };
}

export async function runProxyAttacks(): Promise<{
  tried: number;
  refused: number;
  keyLeaks: number;
  lines: string[];
}> {
  const service = await startHostileService();
  const admin = await startAdminApi();
  const closed = await startProxyServer({ allowLoopback: false, upstreamTimeoutMs: 5_000 });
  const open = await startProxyServer({ allowLoopback: true, upstreamTimeoutMs: 5_000 });
  const servers: Servers = { service, admin, open, closed };
  const lines: string[] = [];
  let refused = 0;
  try {
    for (const item of ATTACKS) {
      const before = countKeyLeaks(servers);
      let outcome: AttackOutcome | undefined;
      try {
        outcome = await attack(servers[item.proxy].origin, item.path(servers), item.init);
      } catch (error) {
        lines.push(
          `ERROR  ${item.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      const leaked = countKeyLeaks(servers) > before;
      const ok = outcome.status === item.expect && Boolean(outcome.code) && outcome.sandboxed;
      if (ok && !leaked) refused += 1;
      lines.push(
        `${ok && !leaked ? 'refused' : 'LET THROUGH'}  ${item.name}: ${outcome.status} ${outcome.code ?? '(no error code)'}${leaked ? ', key leaked' : ''}`,
      );
    }
    const flood = await floodAttack(servers);
    if (flood.refused) refused += 1;
    lines.push(flood.line);
    return { tried: ATTACKS.length + 1, refused, keyLeaks: countKeyLeaks(servers), lines };
  } finally {
    await Promise.all([service.close(), admin.close(), open.close(), closed.close()]);
  }
}
