import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { isAzureAiHost, isNormalisedEndpoint, PROXY_PREFIX } from '../src/service/endpoint.ts';

/**
 * A same-origin proxy for networks and gateways that block cross-origin calls: the app calls
 * `{app}/__proxy/{scheme}/{host}/{path}` and this forwards to `{scheme}://{host}/{path}`.
 *
 * It is reachable by whoever can reach the server, so it forwards as little as it can: only to Azure
 * AI hosts on port 443 (loopback only when started with CLASSIFY_PROXY_LOOPBACK=1, never to itself),
 * only requests that carry a key or token, only JSON or empty answers, never a redirect, with capped
 * bodies and a capped number of calls in flight. It passes the key header through and never logs it,
 * and rewrites the job links the service returns so that the browser keeps calling the proxy.
 */

export interface LocalProxyOptions {
  /** Forward to loopback hosts (local emulators). Default: CLASSIFY_PROXY_LOOPBACK === '1'. */
  allowLoopback?: boolean;
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  maxConcurrent?: number;
  upstreamTimeoutMs?: number;
}

export const PROXY_LIMITS = {
  maxRequestBytes: 8 * 1024 * 1024,
  maxResponseBytes: 16 * 1024 * 1024,
  maxConcurrent: 16,
  upstreamTimeoutMs: 60_000,
} as const;

/** Sent with every answer of the proxy, so that nothing it returns can run on the app's origin. */
export const PROXY_RESPONSE_HEADERS = {
  'content-security-policy': "sandbox; default-src 'none'",
  'x-content-type-options': 'nosniff',
  'content-disposition': 'attachment',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
} as const;

/** How much of a refused request's body is read (and dropped) so that the client sees the answer. */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;
const KEY_HEADERS = ['ocp-apim-subscription-key', 'authorization'];
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', ...KEY_HEADERS];
const PASSED_RESPONSE_HEADERS = ['retry-after', 'apim-request-id', 'x-ms-request-id'];
const LINK_HEADERS = ['operation-location', 'location'];
const FORWARDED_METHODS = ['GET', 'POST', 'DELETE'];
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.!#$&^_-]+\+)?json$/i;

type Next = (error?: unknown) => void;

class ProxyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendError(response: ServerResponse, status: number, code: string, message: string) {
  if (response.headersSent || response.destroyed) return;
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ error: { code, message } }));
}

/** The IPv4 address an IPv6 address embeds (`::ffff:7f00:1`, `::7f00:1`), if any. */
function embeddedIPv4(ipv6: string): string | undefined {
  const match = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ipv6);
  if (!match?.[1] || !match[2]) return undefined;
  const high = parseInt(match[1], 16);
  const low = parseInt(match[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Whether a hostname, as `URL` normalises it (so `127.1`, `2130706433` and `0x7f.1` are already
 * `127.0.0.1`), names this machine: 127.0.0.0/8, 0.0.0.0/8, ::1, ::, mapped forms and `localhost`.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^(.+\.)?localhost\.?$/.test(host)) return true;
  if (isIP(host) === 4) return host.startsWith('127.') || host.startsWith('0.');
  if (isIP(host) === 6) {
    if (host === '::1' || host === '::') return true;
    const v4 = embeddedIPv4(host);
    return v4 !== undefined && (v4.startsWith('127.') || v4.startsWith('0.'));
  }
  return false;
}

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Parses `/__proxy/https/host:port/rest?query` into the upstream URL, the origin as written in the
 * path and the proxy base for it.
 */
export function proxyTarget(
  path: string,
): { upstream: URL; origin: string; base: string } | undefined {
  const match = /^\/__proxy\/(https?)\/([^/?#@\\]+)(\/[^#]*)?$/.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    const upstream = new URL(`${match[1]}://${match[2]}${match[3] ?? '/'}`);
    if (upstream.username || upstream.password) return undefined;
    return {
      upstream,
      origin: `${match[1]}://${match[2]}`,
      base: `${PROXY_PREFIX}/${match[1]}/${match[2]}`,
    };
  } catch {
    return undefined;
  }
}

/** A target path that leads into a proxy again, however it is spelt. */
function isNestedProxyPath(url: URL): boolean {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    return true;
  }
  return path.toLowerCase().includes(PROXY_PREFIX);
}

/** Whether the target is this server: same port on a loopback name, or the Host it was called by. */
function isOwnServer(upstream: URL, request: IncomingMessage): boolean {
  const port = effectivePort(upstream);
  if (isLoopbackHostname(upstream.hostname) && port === request.socket.localPort) return true;
  const host = request.headers.host;
  if (!host) return false;
  try {
    const own = new URL(`http://${host}`);
    return own.hostname === upstream.hostname && Number(own.port || 80) === port;
  } catch {
    return false;
  }
}

/** Why the proxy will not forward to this target, or undefined if it may. */
export function targetRefusal(
  upstream: URL,
  request: IncomingMessage,
  allowLoopback: boolean,
): string | undefined {
  if (isAzureAiHost(upstream.hostname)) {
    if (upstream.protocol !== 'https:' || upstream.port !== '') {
      return `The local proxy forwards to Azure AI hosts over https on port 443 only, not to ${upstream.protocol}//${upstream.host}.`;
    }
  } else if (isLoopbackHostname(upstream.hostname)) {
    if (!allowLoopback) {
      return `The local proxy forwards to loopback (${upstream.host}) only when its server was started with CLASSIFY_PROXY_LOOPBACK=1.`;
    }
    if (isOwnServer(upstream, request)) {
      return 'The local proxy does not forward to its own server.';
    }
  } else {
    return `The local proxy forwards only to *.cognitiveservices.azure.com and *.api.cognitive.microsoft.com (and loopback when enabled), not to ${upstream.host}.`;
  }
  if (isNestedProxyPath(upstream)) return 'The local proxy does not forward to a proxy path.';
  return undefined;
}

/** Everything that can be decided before anything is read or sent upstream. */
function checkRequest(
  request: IncomingMessage,
  allowLoopback: boolean,
  maxRequestBytes: number,
): { upstream: URL; origin: string; base: string; method: string } {
  const target = proxyTarget(request.url ?? '');
  if (!target) {
    throw new ProxyRefusal(400, 'ProxyBadPath', 'Use /__proxy/{https|http}/{host}/{path}.');
  }
  const method = request.method ?? 'GET';
  if (!FORWARDED_METHODS.includes(method)) {
    throw new ProxyRefusal(405, 'ProxyMethodNotAllowed', `The proxy does not forward ${method}.`);
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new ProxyRefusal(403, 'ProxyCrossSite', 'The proxy serves the app’s own pages only.');
  }
  if (!KEY_HEADERS.some((name) => String(request.headers[name] ?? '').trim() !== '')) {
    throw new ProxyRefusal(
      401,
      'ProxyKeyRequired',
      'The proxy forwards only requests that carry an Ocp-Apim-Subscription-Key or Authorization header.',
    );
  }
  // The app sends the origin as the endpoint check normalised it; any other spelling of a host
  // (braces, a trailing dot, capitals, 127.1) is refused, so the proxy and the app read one host.
  if (!isNormalisedEndpoint(target.origin)) {
    throw new ProxyRefusal(
      403,
      'ProxyTargetNotAllowed',
      'The local proxy takes a target only as the app writes it: lower case, no trailing dot, no default port, nothing but letters, digits, dots and hyphens in the host.',
    );
  }
  const refusal = targetRefusal(target.upstream, request, allowLoopback);
  if (refusal) throw new ProxyRefusal(403, 'ProxyTargetNotAllowed', refusal);
  if (Number(request.headers['content-length'] ?? 0) > maxRequestBytes) {
    throw requestTooLarge(maxRequestBytes);
  }
  return { ...target, method };
}

function requestTooLarge(limit: number) {
  return new ProxyRefusal(
    413,
    'ProxyRequestTooLarge',
    `The request body is larger than the proxy forwards (${limit} bytes).`,
  );
}

/** Reads the request body up to `limit` bytes; past that it stops keeping it (the rest is dropped). */
function readRequestBody(
  request: IncomingMessage,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        request.off('data', onData);
        chunks.length = 0;
        reject(requestTooLarge(limit));
      }
    };
    request.on('data', onData);
    request.once('end', () => {
      const body = new Uint8Array(size);
      body.set(Buffer.concat(chunks));
      resolve(body);
    });
    request.once('error', reject);
  });
}

/**
 * Reads and drops what is left of a refused request's body before answering, so that the client
 * reads the answer instead of a reset connection; past `limit` bytes the connection is cut instead.
 */
function discardBody(request: IncomingMessage, limit: number): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.socket.destroy();
        resolve();
      }
    });
    request.once('end', resolve);
    request.once('error', () => resolve());
    request.once('close', resolve);
    request.resume();
  });
}

/** Reads at most `limit` bytes of the upstream body, and gives up (closing it) past that. */
async function readResponseBody(response: Response, limit: number): Promise<Buffer> {
  const tooLarge = new ProxyRefusal(
    502,
    'ProxyResponseTooLarge',
    `The service answered with a body larger than the proxy passes on (${limit} bytes).`,
  );
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    throw tooLarge;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Turns an upstream link into the same link through the proxy, if it points at the same target. */
export function rewriteLink(link: string, upstream: URL, proxyBase: string): string {
  try {
    const url = new URL(link, upstream);
    if (url.origin !== upstream.origin) return link;
    return `${proxyBase}${url.pathname}${url.search}`;
  } catch {
    return link;
  }
}

function rewriteBody(text: string, upstream: URL, proxyBase: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return text;
  const rewritten: Record<string, unknown> = { ...json };
  for (const field of ['nextLink', '@nextLink']) {
    const value = rewritten[field];
    if (typeof value === 'string') rewritten[field] = rewriteLink(value, upstream, proxyBase);
  }
  return JSON.stringify(rewritten);
}

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(';')[0]?.trim() ?? '';
  return JSON_MEDIA_TYPE.test(mediaType);
}

export function createLocalProxy(options: LocalProxyOptions = {}) {
  const allowLoopback = options.allowLoopback ?? process.env.CLASSIFY_PROXY_LOOPBACK === '1';
  const limits = {
    maxRequestBytes: options.maxRequestBytes ?? PROXY_LIMITS.maxRequestBytes,
    maxResponseBytes: options.maxResponseBytes ?? PROXY_LIMITS.maxResponseBytes,
    maxConcurrent: options.maxConcurrent ?? PROXY_LIMITS.maxConcurrent,
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? PROXY_LIMITS.upstreamTimeoutMs,
  };
  let inFlight = 0;

  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    if (!request.url?.startsWith(`${PROXY_PREFIX}/`)) {
      next();
      return;
    }
    for (const [name, value] of Object.entries(PROXY_RESPONSE_HEADERS)) {
      response.setHeader(name, value);
    }
    const refuse = (status: number, code: string, message: string) =>
      void discardBody(request, DISCARD_LIMIT_BYTES).then(() =>
        sendError(response, status, code, message),
      );
    let checked: ReturnType<typeof checkRequest>;
    try {
      checked = checkRequest(request, allowLoopback, limits.maxRequestBytes);
    } catch (error) {
      if (error instanceof ProxyRefusal) refuse(error.status, error.code, error.message);
      else refuse(400, 'ProxyBadRequest', 'The proxy could not read the request.');
      return;
    }
    if (inFlight >= limits.maxConcurrent) {
      response.setHeader('retry-after', '1');
      refuse(503, 'ProxyBusy', 'The proxy has too many calls in flight; retry shortly.');
      return;
    }
    inFlight += 1;
    const cancelled = new AbortController();
    response.once('close', () => cancelled.abort());
    void forward(request, response, checked, limits, cancelled.signal)
      .catch((error: unknown) => {
        if (response.headersSent) response.destroy();
        else if (error instanceof ProxyRefusal) refuse(error.status, error.code, error.message);
        else if (error instanceof Error && error.name === 'TimeoutError') {
          refuse(504, 'ProxyTimeout', 'The service did not answer in time.');
        } else refuse(502, 'ProxyError', 'The proxy could not reach the service.');
      })
      .finally(() => {
        inFlight -= 1;
      });
  };
}

async function forward(
  request: IncomingMessage,
  response: ServerResponse,
  { upstream, base, method }: ReturnType<typeof checkRequest>,
  limits: Required<Omit<LocalProxyOptions, 'allowLoopback'>>,
  cancelled: AbortSignal,
): Promise<void> {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const body = method === 'POST' ? await readRequestBody(request, limits.maxRequestBytes) : null;
  const upstreamResponse = await fetch(upstream, {
    method,
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.any([cancelled, AbortSignal.timeout(limits.upstreamTimeoutMs)]),
  });
  const { status } = upstreamResponse;
  if (status >= 300 && status < 400) {
    await upstreamResponse.body?.cancel();
    throw new ProxyRefusal(
      502,
      'ProxyRedirectRefused',
      `The service answered with a redirect (${status}), which was not followed: the key goes to the endpoint only.`,
    );
  }
  const bytes = await readResponseBody(upstreamResponse, limits.maxResponseBytes);
  const contentType = upstreamResponse.headers.get('content-type');
  if (bytes.length > 0 && !isJsonContentType(contentType)) {
    throw new ProxyRefusal(
      502,
      'ProxyUnexpectedContent',
      `The service answered ${status} with ${contentType ?? 'no content type'} instead of JSON; the proxy passes on JSON only.`,
    );
  }

  response.statusCode = status;
  if (bytes.length > 0 && contentType) response.setHeader('content-type', contentType);
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstreamResponse.headers.get(name);
    if (value !== null) response.setHeader(name, value);
  }
  for (const name of LINK_HEADERS) {
    const value = upstreamResponse.headers.get(name);
    if (value !== null) response.setHeader(name, rewriteLink(value, upstream, base));
  }
  response.end(bytes.length > 0 ? rewriteBody(bytes.toString('utf8'), upstream, base) : undefined);
}
