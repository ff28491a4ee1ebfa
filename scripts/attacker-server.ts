import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A hostile server on another loopback port, where a redirect fault points. It approves every CORS
 * preflight (so a browser that follows a redirect sends the key on), records each request that
 * carries the key or a token, and answers like a finished job, so results taken from it would show.
 */

export interface AttackerRequest {
  method: string;
  path: string;
  /** It arrived with `Ocp-Apim-Subscription-Key` or `Authorization`. */
  credentialed: boolean;
}

/** The class every document gets in the attacker's fake results, to spot them on screen. */
export const ATTACKER_CATEGORY = 'AttackerPlanted';

function fakeJob() {
  const now = new Date().toISOString();
  return {
    jobId: 'attacker-job',
    createdDateTime: now,
    lastUpdateDateTime: now,
    expirationDateTime: now,
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
          lastUpdateDateTime: now,
          status: 'succeeded',
          results: {
            documents: ['doc1', 'doc2'].map((id) => ({
              id,
              class: [{ category: ATTACKER_CATEGORY, confidenceScore: 0.99 }],
              warnings: [],
            })),
            errors: [],
            projectName: 'SupportTickets',
            deploymentName: 'production',
          },
        },
      ],
    },
  };
}

function answer(request: IncomingMessage, response: ServerResponse, origin: string): void {
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  response.setHeader('Access-Control-Expose-Headers', 'operation-location, retry-after');
  response.setHeader('Vary', 'Origin');
  if (request.method === 'OPTIONS') {
    response.statusCode = 204;
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    response.setHeader(
      'Access-Control-Allow-Headers',
      request.headers['access-control-request-headers'] ?? '*',
    );
    response.end();
    return;
  }
  if (request.method === 'POST') {
    response.statusCode = 202;
    response.setHeader(
      'operation-location',
      `${origin}/language/analyze-text/jobs/attacker-job?api-version=2023-04-01`,
    );
    response.end();
    return;
  }
  response.statusCode = 200;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(fakeJob()));
}

export async function startAttackerServer() {
  const seen: AttackerRequest[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    seen.push({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      credentialed: Boolean(
        request.headers['ocp-apim-subscription-key'] ?? request.headers.authorization,
      ),
    });
    request.resume();
    request.on('end', () => answer(request, response, origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The attacker server has no port.');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    /** Every request that reached it, preflights included. */
    requests: () => [...seen],
    /** Requests that carried the key or a token here: must stay 0. */
    credentialedRequests: () => seen.filter((request) => request.credentialed).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
