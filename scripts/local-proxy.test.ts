import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalProxy, proxyTarget, rewriteLink } from './local-proxy';
import { startServiceServer } from './service-server';

describe('proxyTarget', () => {
  it('reads scheme, host and path from the proxy path', () => {
    const target = proxyTarget('/__proxy/https/res.cognitiveservices.azure.com/language/x?a=1');
    expect(target?.upstream.href).toBe('https://res.cognitiveservices.azure.com/language/x?a=1');
    expect(target?.base).toBe('/__proxy/https/res.cognitiveservices.azure.com');
    expect(proxyTarget('/__proxy/ftp/host/x')).toBeUndefined();
    expect(proxyTarget('/elsewhere')).toBeUndefined();
  });

  it('rewrites links on the same target only', () => {
    const upstream = new URL('https://res.cognitiveservices.azure.com/language/analyze-text/jobs');
    const base = '/__proxy/https/res.cognitiveservices.azure.com';
    expect(
      rewriteLink('https://res.cognitiveservices.azure.com/jobs/1?api-version=1', upstream, base),
    ).toBe(`${base}/jobs/1?api-version=1`);
    expect(rewriteLink('https://evil.example/jobs/1', upstream, base)).toBe(
      'https://evil.example/jobs/1',
    );
  });
});

describe('the local proxy in front of the service', () => {
  let proxy: Server;
  let proxyOrigin = '';
  let service: Awaited<ReturnType<typeof startServiceServer>>;

  beforeAll(async () => {
    service = await startServiceServer({ port: 0, timing: { queuedMs: 0, runMs: 0 } });
    const middleware = createLocalProxy();
    proxy = createServer((request, response) =>
      middleware(request, response, () => {
        response.statusCode = 404;
        response.end();
      }),
    );
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    proxyOrigin = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await service.close();
  });

  it('forwards the key and rewrites operation-location to the proxy path', async () => {
    const base = `${proxyOrigin}/__proxy/http/${new URL(service.origin).host}`;
    const response = await fetch(`${base}/language/analyze-text/jobs?api-version=2023-04-01`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': 'demo-key-0000', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        analysisInput: { documents: [{ id: 'doc1', text: 'refund my invoice' }] },
        tasks: [
          {
            kind: 'CustomSingleLabelClassification',
            taskName: 'classify',
            parameters: { projectName: 'SupportTickets', deploymentName: 'production' },
          },
        ],
      }),
    });
    expect(response.status).toBe(202);
    const location = response.headers.get('operation-location') ?? '';
    expect(location.startsWith(`/__proxy/http/${new URL(service.origin).host}/language/`)).toBe(
      true,
    );
    const job = await fetch(new URL(location, proxyOrigin), {
      headers: { 'Ocp-Apim-Subscription-Key': 'demo-key-0000' },
    });
    expect(job.status).toBe(200);
  });

  it('refuses hosts that are not Azure AI or loopback', async () => {
    const response = await fetch(`${proxyOrigin}/__proxy/https/example.com/anything`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('ProxyTargetNotAllowed');
  });
});
