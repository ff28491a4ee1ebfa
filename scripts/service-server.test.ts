import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_KEY, DEMO_PROJECTS } from '../src/demo/demo-settings';
import { demoAccessToken } from '../src/demo/demo-token';
import { startServiceServer, type ServiceExchange } from './service-server';

type Service = Awaited<ReturnType<typeof startServiceServer>>;
let service: Service | undefined;

afterEach(async () => {
  await service?.close();
  service = undefined;
});

const submitBody = JSON.stringify({
  analysisInput: { documents: [{ id: 'doc1', text: 'My parcel never arrived.' }] },
  tasks: [
    {
      kind: 'CustomSingleLabelClassification',
      taskName: 'classify',
      parameters: { projectName: DEMO_PROJECTS.single.projectName, deploymentName: 'production' },
    },
  ],
});

function submit(origin: string) {
  return fetch(`${origin}/language/analyze-text/jobs?api-version=2023-04-01`, {
    method: 'POST',
    headers: {
      'Ocp-Apim-Subscription-Key': DEMO_KEY,
      'Content-Type': 'application/json',
      Origin: 'http://localhost:5173',
    },
    body: submitBody,
  });
}

describe('service server', () => {
  it('says a busy port in words', async () => {
    service = await startServiceServer({ port: 0 });
    const busy = Number(new URL(service.origin).port);
    await expect(startServiceServer({ port: busy })).rejects.toThrow(
      `port ${busy} is in use; pass --port`,
    );
  });

  it('tells the bench of each request: when it arrived, its answer, the job it accepted', async () => {
    const exchanges: ServiceExchange[] = [];
    service = await startServiceServer({
      port: 0,
      onExchange: (exchange) => exchanges.push(exchange),
    });
    const before = Date.now();
    const response = await submit(service.origin);
    const after = Date.now();
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({
      method: 'POST',
      url: '/language/analyze-text/jobs?api-version=2023-04-01',
      status: 202,
      operationLocation: response.headers.get('operation-location'),
    });
    expect(exchanges[0]?.operationLocation).toMatch(/\/language\/analyze-text\/jobs\/[\w-]+\?/);
    expect(exchanges[0]?.receivedAt).toBeGreaterThanOrEqual(before);
    expect(exchanges[0]?.receivedAt).toBeLessThanOrEqual(after);
  });

  it('answers a CORS preflight, for the authoring writes too (PUT, PATCH, the import format header)', async () => {
    service = await startServiceServer({ port: 0 });
    const response = await fetch(`${service.origin}/language/analyze-text/jobs`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers':
        'Ocp-Apim-Subscription-Key, Authorization, Content-Type, format',
      'access-control-max-age': '600',
    });
  });

  it('serves a job on its own origin and exposes operation-location', async () => {
    service = await startServiceServer({ port: 0, timing: { queuedMs: 0, runMs: 0 } });
    expect(service.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await submit(service.origin);
    expect(response.status).toBe(202);
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'operation-location, retry-after, location',
    );
    const jobUrl = response.headers.get('operation-location') ?? '';
    expect(jobUrl.startsWith(`${service.origin}/language/analyze-text/jobs/`)).toBe(true);
    const job = await fetch(jobUrl, { headers: { 'Ocp-Apim-Subscription-Key': DEMO_KEY } });
    expect(await job.json()).toMatchObject({
      status: 'succeeded',
      tasks: { items: [{ results: { documents: [{ class: [{ category: 'Shipping' }] }] } }] },
    });
  });

  it('lets a page send an access token, and accepts it until it expires', async () => {
    service = await startServiceServer({ port: 0 });
    const preflight = await fetch(`${service.origin}/language/authoring/analyze-text/projects`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/\bAuthorization\b/);
    const list = (token: string) =>
      fetch(`${service?.origin}/language/authoring/analyze-text/projects?api-version=2023-04-01`, {
        headers: { Authorization: `Bearer ${token}`, Origin: 'http://localhost:5173' },
      });
    const accepted = await list(demoAccessToken(600));
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const page = z
      .object({ value: z.array(z.object({ projectName: z.string() })), nextLink: z.string() })
      .parse(await accepted.json());
    expect(page.value.map((project) => project.projectName)).toEqual([
      'SupportTickets',
      'MovieGenres',
    ]);
    expect(
      page.nextLink.startsWith(`${service.origin}/language/authoring/analyze-text/projects?`),
    ).toBe(true);
    const expired = await list(demoAccessToken(-60));
    expect(expired.status).toBe(401);
    const refusal = z
      .object({ error: z.object({ message: z.string() }) })
      .parse(await expired.json());
    expect(refusal.error.message).toMatch(/^Unauthorized\. Access token is missing/);
  });

  it('can hide operation-location from other origins, like a gateway that does not expose it', async () => {
    service = await startServiceServer({ port: 0, exposeHeaders: false });
    const response = await submit(service.origin);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.has('access-control-expose-headers')).toBe(false);
  });

  it('answers unknown paths with 404 and resets on POST /__reset', async () => {
    service = await startServiceServer({ port: 0 });
    expect((await fetch(`${service.origin}/__health`)).status).toBe(200);
    const missing = await fetch(`${service.origin}/nowhere`, {
      headers: { 'Ocp-Apim-Subscription-Key': DEMO_KEY },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });

    service.state.deleteProject(DEMO_PROJECTS.single.projectName, 'ga', '2023-04-01');
    expect((await fetch(`${service.origin}/__reset`, { method: 'POST' })).status).toBe(204);
    expect(service.state.isProjectAvailable(DEMO_PROJECTS.single.projectName)).toBe(true);
  });

  it('injects faults over HTTP for e2e tests', async () => {
    service = await startServiceServer({ port: 0 });
    await fetch(`${service.origin}/__faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'throttle', method: 'POST', retryAfterSeconds: 3 }),
    });
    const throttled = await submit(service.origin);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect((await submit(service.origin)).status).toBe(202);
  });

  it('listens on loopback only', async () => {
    await expect(startServiceServer({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
