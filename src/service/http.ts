import { ServiceError } from './errors';
import { problemFromBody } from './problems';
import { requestGate } from './request-gate';
import type { AuthScheme } from './model';

export interface ServiceRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  url: string;
  body?: unknown;
  /** `application/json` when omitted; a project PATCH is `application/merge-patch+json`. */
  contentType?: string;
}

export interface Credentials {
  /** The normalised endpoint; the secret is sent to its origin and nowhere else. */
  endpoint: string;
  /** The key, or the access token when `scheme` is `bearer`. */
  key: string;
  /** How `key` is sent; `key` when omitted. */
  scheme?: AuthScheme;
}

/** What a secret is called in messages: people should know which one did or did not leave. */
function secretName(scheme: AuthScheme = 'key'): string {
  return scheme === 'bearer' ? 'access token' : 'key';
}

/** The one header that carries the secret; the same origin and redirect rules apply to both. */
export function authHeader(
  credentials: Pick<Credentials, 'key' | 'scheme'>,
): Record<string, string> {
  return credentials.scheme === 'bearer'
    ? { Authorization: `Bearer ${credentials.key}` }
    : { 'Ocp-Apim-Subscription-Key': credentials.key };
}

interface ServiceResponse {
  status: number;
  headers: Headers;
  json: unknown;
  retryAfterMs: number | undefined;
}

const TIMEOUT_MS = 30_000;

/** The code of the local proxy's 502 when the service answered it with a redirect. */
const PROXY_REDIRECT_REFUSED = 'ProxyRedirectRefused';

/** `Retry-After` is either delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The key goes to the endpoint's origin and nowhere else. Through the local proxy the endpoint is a
 * path on the app's own origin, so the URL must also stay under that path.
 */
export function assertSameOrigin(url: string, endpoint: string, scheme?: AuthScheme): URL {
  const base = new URL(endpoint);
  const target = new URL(url, endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inside = basePath === '' || target.pathname.startsWith(`${basePath}/`);
  if (target.origin !== base.origin || !inside) {
    throw new ServiceError({
      kind: 'foreign-origin',
      message: `The service pointed to ${target.origin}, which is not your endpoint (${base.origin}). The request was not sent, so your ${secretName(scheme)} did not leave.`,
    });
  }
  return target;
}

function parseBody(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError({
      kind: 'invalid-response',
      message: 'The service answered with a body that is not JSON.',
    });
  }
}

async function send(
  target: URL,
  request: ServiceRequest,
  credentials: Pick<Credentials, 'key' | 'scheme'>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
) {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(target, {
      method: request.method,
      headers: {
        ...authHeader(credentials),
        ...(request.body === undefined
          ? {}
          : { 'Content-Type': request.contentType ?? 'application/json' }),
      },
      body: request.body === undefined ? null : JSON.stringify(request.body),
      // Following a redirect would send the secret to whatever address the answer names.
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const timedOut = timeout.aborted;
    throw new ServiceError({
      kind: timedOut ? 'timeout' : 'network',
      message: timedOut
        ? `No answer from ${target.origin} within ${timeoutMs / 1000} s.`
        : `Could not reach ${target.origin}.`,
    });
  }
}

/**
 * A redirect is never followed: browsers give an opaque redirect (status 0, no Location), Node gives
 * the 3xx itself. Either way it is refused, so the key stays with the endpoint's origin.
 */
function refuseRedirect(response: Response, target: URL, scheme: AuthScheme): void {
  const opaque = response.type === 'opaqueredirect';
  if (!opaque && (response.status < 300 || response.status > 399)) return;
  const location = opaque ? null : response.headers.get('location');
  let to = 'another address';
  if (location) {
    try {
      to = new URL(location, target).origin;
    } catch {
      to = 'an address that is not a URL';
    }
  }
  void response.body?.cancel().catch(() => undefined);
  throw new ServiceError({
    kind: 'redirect',
    ...(opaque ? {} : { status: response.status }),
    message: `The service at ${target.origin} answered with a redirect to ${to}. It was not followed, so your ${secretName(scheme)} did not leave.`,
  });
}

/** One call to the service: origin check, key or token header, timeout, redirects refused, error parsing, Retry-After. */
export async function callService(
  request: ServiceRequest,
  credentials: Credentials,
  signal?: AbortSignal,
  timeoutMs = TIMEOUT_MS,
): Promise<ServiceResponse> {
  const scheme = credentials.scheme ?? 'key';
  const target = assertSameOrigin(request.url, credentials.endpoint, scheme);
  const answered = await requestGate()(target);
  let response: Response;
  let text: string;
  try {
    response = await send(target, request, credentials, signal, timeoutMs);
    refuseRedirect(response, target, scheme);
    text = await response.text();
  } finally {
    answered?.();
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  if (!response.ok) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const problem = problemFromBody(response.status, response.statusText, body);
    if (problem.code === PROXY_REDIRECT_REFUSED) {
      throw new ServiceError({
        kind: 'redirect',
        status: response.status,
        message: `The service answered the local proxy with a redirect to another address. It was not followed, so your ${secretName(scheme)} did not leave.`,
      });
    }
    throw new ServiceError({
      kind: 'http',
      status: response.status,
      message: problem.message,
      problem,
      retryAfterMs,
      scheme,
    });
  }
  return {
    status: response.status,
    headers: response.headers,
    json: parseBody(text),
    retryAfterMs,
  };
}
