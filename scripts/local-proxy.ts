import type { IncomingMessage, ServerResponse } from 'node:http';
import { isProxyTarget, PROXY_PREFIX } from '../src/service/endpoint.ts';

/**
 * A same-origin proxy for networks and gateways that block cross-origin calls: the app calls
 * `{app}/__proxy/{scheme}/{host}/{path}` and this forwards to `{scheme}://{host}/{path}`.
 * It forwards only to Azure AI hosts and loopback, passes the key header through and never logs it,
 * and rewrites the job links the service returns so that the browser keeps calling the proxy.
 */

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'ocp-apim-subscription-key'];
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'apim-request-id',
  'x-ms-request-id',
];
const LINK_HEADERS = ['operation-location', 'location'];
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const UPSTREAM_TIMEOUT_MS = 60_000;

type Next = (error?: unknown) => void;

function sendError(response: ServerResponse, status: number, code: string, message: string) {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ error: { code, message } }));
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('The request body is too large to forward.');
    chunks.push(buffer);
  }
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

/** Parses `/__proxy/https/host:port/rest?query` into the upstream URL and the proxy base for it. */
export function proxyTarget(path: string): { upstream: URL; base: string } | undefined {
  const match = /^\/__proxy\/(https?)\/([^/?#]+)(\/[^#]*)?$/.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    const upstream = new URL(`${match[1]}://${match[2]}${match[3] ?? '/'}`);
    return { upstream, base: `${PROXY_PREFIX}/${match[1]}/${match[2]}` };
  } catch {
    return undefined;
  }
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

export function createLocalProxy() {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    if (!request.url?.startsWith(`${PROXY_PREFIX}/`)) {
      next();
      return;
    }
    void forward(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        const message = error instanceof Error ? error.message : 'The proxy failed.';
        sendError(response, 502, 'ProxyError', message);
      } else response.destroy();
    });
  };
}

async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const target = proxyTarget(request.url ?? '');
  if (!target) {
    sendError(response, 400, 'ProxyBadPath', 'Use /__proxy/{https|http}/{host}/{path}.');
    return;
  }
  const { upstream, base } = target;
  if (!isProxyTarget(upstream)) {
    sendError(
      response,
      403,
      'ProxyTargetNotAllowed',
      `The local proxy forwards only to *.cognitiveservices.azure.com, *.api.cognitive.microsoft.com and loopback, not to ${upstream.host}.`,
    );
    return;
  }
  const method = request.method ?? 'GET';
  if (!['GET', 'POST', 'DELETE'].includes(method)) {
    sendError(response, 405, 'ProxyMethodNotAllowed', `The proxy does not forward ${method}.`);
    return;
  }
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const body = method === 'POST' ? await readBody(request) : undefined;
  const upstreamResponse = await fetch(upstream, {
    method,
    headers,
    body: body ? new Uint8Array(body) : null,
    redirect: 'manual',
    signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
  });

  response.statusCode = upstreamResponse.status;
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstreamResponse.headers.get(name);
    if (value !== null) response.setHeader(name, value);
  }
  for (const name of LINK_HEADERS) {
    const value = upstreamResponse.headers.get(name);
    if (value !== null) response.setHeader(name, rewriteLink(value, upstream, base));
  }
  const text = await upstreamResponse.text();
  response.end(rewriteBody(text, upstream, base));
}
