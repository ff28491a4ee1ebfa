import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import { z } from 'zod';
import {
  createFaultPlan,
  FAULT_KINDS,
  REDIRECT_STATUSES,
  type FaultPlan,
} from '../src/demo/faults';
import { createServiceHandlers, EXPOSED_HEADERS, type ServiceHandlers } from '../src/demo/handlers';
import {
  errorResponse,
  internalServerError,
  resourceNotFound,
  tooManyRequests,
} from '../src/demo/service-errors';
import {
  createServiceState,
  type ServiceState,
  type ServiceTiming,
} from '../src/demo/service-state';
import {
  azureBlobSource,
  seedSupportTickets,
  splitContainerSasUrl,
} from './service-server-storage';

/**
 * The simulated service as a real HTTP server on loopback, for e2e tests and for trying the app's
 * real network path (CORS, headers) without an Azure resource. Same handlers as the browser demo.
 */

export interface ServiceServerOptions {
  port: number;
  host?: string;
  timing?: Partial<ServiceTiming>;
  /** Off simulates a gateway that hides operation-location from cross-origin pages. */
  exposeHeaders?: boolean;
  /** Requests per second the service accepts before answering 429 (a one-second burst). */
  rateLimit?: number;
  /** Told of every request once its answer is ready (the bench times the wire with it). */
  onExchange?: (exchange: ServiceExchange) => void;
  /**
   * A container SAS URL (e.g. Azurite's) for the storage account connected to the resource:
   * `:import` reads documents there, SupportTickets names that container and its training
   * documents are put in it. Without one, the simulated in-memory account is used.
   */
  storageSasUrl?: string;
  /** Authoring POSTs accepted a minute before 429 (10, the documented limit, by default). */
  authoringPostsPerMinute?: number;
}

/** One request as the service saw it. */
export interface ServiceExchange {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** `Date.now()` when the request's headers arrived, before its body was read. */
  receivedAt: number;
  status: number;
  /** Where a job was accepted: the URL the service gave for it. */
  operationLocation: string | null;
}

/** A token bucket: `rate` requests per second, with a burst of one second's worth. */
function createRateLimiter(rate: number) {
  let tokens = rate;
  let refilledAt = Date.now();
  return (): boolean => {
    const now = Date.now();
    tokens = Math.min(rate, tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const faultSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  location: z.url().optional(),
  path: z.string().optional(),
  query: z.string().optional(),
  status: z.literal(REDIRECT_STATUSES).optional(),
  method: z.string().optional(),
  times: z.number().int().positive().max(1000).optional(),
  retryAfterSeconds: z.number().int().nonnegative().max(86_400).optional(),
});

class BodyTooLarge extends Error {}

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function toFetchRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headersDistinct)) {
    if (['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue;
    for (const item of value ?? []) headers.append(name, item);
  }
  const method = message.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(message);
  return new Request(new URL(message.url ?? '/', origin), {
    method,
    headers,
    ...(body?.length ? { body: new Uint8Array(body) } : {}),
  });
}

async function sendFetchResponse(response: Response, reply: ServerResponse): Promise<void> {
  if (response.type === 'error') {
    reply.destroy(); // a dropped connection, as a fault asked for
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => reply.setHeader(name, value));
  reply.statusCode = response.status;
  reply.end(body);
}

function corsHeaders(message: IncomingMessage, exposeHeaders: boolean): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': message.headers.origin ?? '*',
    Vary: 'Origin',
    ...(exposeHeaders ? { 'Access-Control-Expose-Headers': EXPOSED_HEADERS } : {}),
  };
}

function formatOrigin(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export interface ServiceStats {
  preflights: number;
  requests: number;
  throttled: number;
}

interface RunningService {
  origin: string;
  state: ServiceState;
  faults: FaultPlan;
  handlers: ServiceHandlers;
  /** CORS preflights answered (proof that browsers really crossed origins), API calls, 429s. */
  stats: ServiceStats;
  allow: () => boolean;
}

/** Preflights and the test-only `/__health`, `/__reset`, `/__faults` are answered here; the rest by the handlers. */
async function respond(message: IncomingMessage, service: RunningService): Promise<Response> {
  const { pathname } = new URL(message.url ?? '/', service.origin);
  if (message.method === 'OPTIONS') {
    service.stats.preflights++;
    return new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers':
          'Ocp-Apim-Subscription-Key, Authorization, Content-Type, format',
        'Access-Control-Max-Age': '600',
      },
    });
  }
  if (message.method === 'GET' && pathname === '/__health') {
    return Response.json({ status: 'ok' });
  }
  if (message.method === 'GET' && pathname === '/__stats') {
    return Response.json(service.stats);
  }
  if (message.method === 'POST' && pathname === '/__reset') {
    service.state.reset();
    service.faults.clear();
    return new Response(null, { status: 204 });
  }
  if (message.method === 'POST' && pathname === '/__faults') {
    const parsed = faultSchema.safeParse(JSON.parse((await readBody(message)).toString() || '{}'));
    if (!parsed.success) return errorResponse(400, 'InvalidRequest', parsed.error.message);
    service.faults.inject(parsed.data);
    return new Response(null, { status: 204 });
  }
  service.stats.requests++;
  if (!service.allow()) {
    service.stats.throttled++;
    return tooManyRequests(1);
  }
  const request = await toFetchRequest(message, service.origin);
  return (await getResponse(service.handlers, request)) ?? resourceNotFound();
}

function failureResponse(error: unknown): Response {
  if (error instanceof BodyTooLarge) {
    return errorResponse(
      413,
      'RequestTooLarge',
      `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
    );
  }
  if (error instanceof SyntaxError) {
    return errorResponse(400, 'InvalidRequest', 'The body is not valid JSON.');
  }
  return internalServerError();
}

/** A busy port, said in words rather than as a raw EADDRINUSE stack. */
export class PortInUseError extends Error {}

export async function startServiceServer({
  port,
  host = '127.0.0.1',
  timing,
  exposeHeaders = true,
  rateLimit,
  onExchange,
  storageSasUrl,
  authoringPostsPerMinute,
}: ServiceServerOptions) {
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`Refusing to listen on ${host}: loopback only.`);
  const server = createServer();
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.maxConnections = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`port ${port} is in use; pass --port`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no TCP address.');

  // Job URLs carry the origin, so the handlers are made once the port is known.
  const origin = formatOrigin(address);
  if (storageSasUrl) await seedSupportTickets(storageSasUrl);
  const state = createServiceState({
    ...(timing ? { timing } : {}),
    ...(storageSasUrl
      ? {
          storage: azureBlobSource(storageSasUrl),
          supportTicketsContainer: splitContainerSasUrl(storageSasUrl).container,
        }
      : {}),
    ...(authoringPostsPerMinute !== undefined ? { authoringPostsPerMinute } : {}),
  });
  const faults = createFaultPlan();
  const service = {
    origin,
    state,
    faults,
    handlers: createServiceHandlers({ origin, state, faults }),
    stats: { preflights: 0, requests: 0, throttled: 0 },
    allow: rateLimit ? createRateLimiter(rateLimit) : () => true,
  };

  server.on('request', (message: IncomingMessage, reply: ServerResponse) => {
    const receivedAt = Date.now();
    respond(message, service)
      .catch(failureResponse)
      .then((response) => {
        onExchange?.({
          method: message.method ?? 'GET',
          url: message.url ?? '/',
          receivedAt,
          status: response.status,
          operationLocation: response.headers.get('operation-location'),
        });
        for (const [name, value] of Object.entries(corsHeaders(message, exposeHeaders))) {
          response.headers.set(name, value);
        }
        if (!exposeHeaders) response.headers.delete('Access-Control-Expose-Headers');
        return sendFetchResponse(response, reply);
      })
      .catch(() => reply.destroy());
  });

  return {
    origin,
    state,
    faults,
    stats: service.stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-expose': { type: 'boolean', default: false },
      'queued-ms': { type: 'string' },
      'run-ms': { type: 'string' },
      'per-document-ms': { type: 'string' },
      'storage-sas-url': { type: 'string' },
      'authoring-posts-per-minute': { type: 'string' },
      /** Requests per second before 429s, as a resource's limit (1,000 a minute: 16.7). */
      'rate-limit': { type: 'string' },
    },
  });
  const timing: Partial<ServiceTiming> = {
    ...(values['queued-ms'] ? { queuedMs: Number(values['queued-ms']) } : {}),
    ...(values['run-ms'] ? { runMs: Number(values['run-ms']) } : {}),
    ...(values['per-document-ms'] ? { perDocumentMs: Number(values['per-document-ms']) } : {}),
  };
  const service = await startServiceServer({
    port: Number(values.port),
    host: values.host,
    timing,
    exposeHeaders: !values['no-expose'],
    ...(values['storage-sas-url'] ? { storageSasUrl: values['storage-sas-url'] } : {}),
    ...(values['authoring-posts-per-minute']
      ? { authoringPostsPerMinute: Number(values['authoring-posts-per-minute']) }
      : {}),
    ...(values['rate-limit'] ? { rateLimit: Number(values['rate-limit']) } : {}),
  }).catch((error: unknown) => {
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    process.exit(2);
  });
  console.log(`service listening on ${service.origin}`);
  const stop = () => void service.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
