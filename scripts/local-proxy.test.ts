import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHostname, PROXY_LIMITS, proxyTarget, rewriteLink } from './local-proxy';
import {
  attack,
  ATTACK_KEY,
  chunkedBody,
  runProxyAttacks,
  startAdminApi,
  startHostileService,
  startProxyServer,
  type LoopbackServer,
} from './proxy-attacks';
import { startServiceServer } from './service-server';

const MB = 1024 * 1024;

describe('proxyTarget', () => {
  it('reads scheme, host and path from the proxy path', () => {
    const target = proxyTarget('/__proxy/https/res.cognitiveservices.azure.com/language/x?a=1');
    expect(target?.upstream.href).toBe('https://res.cognitiveservices.azure.com/language/x?a=1');
    expect(target?.base).toBe('/__proxy/https/res.cognitiveservices.azure.com');
    expect(proxyTarget('/__proxy/ftp/host/x')).toBeUndefined();
    expect(proxyTarget('/elsewhere')).toBeUndefined();
    expect(proxyTarget('/__proxy/https/evil.example@res.cognitiveservices.azure.com/')).toBe(
      undefined,
    );
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

  it('knows every spelling of this machine once URL has normalised it', () => {
    for (const host of ['127.1', '2130706433', '0x7f.1', '0177.0.0.1', '127.255.0.9', '0']) {
      expect(isLoopbackHostname(new URL(`http://${host}/`).hostname), host).toBe(true);
    }
    for (const host of ['localhost', 'LOCALHOST.', 'a.localhost', '[::1]', '[::]']) {
      expect(isLoopbackHostname(new URL(`http://${host}/`).hostname), host).toBe(true);
    }
    for (const host of ['[::ffff:127.0.0.1]', '[0:0:0:0:0:0:0:1]', '[::127.0.0.1]']) {
      expect(isLoopbackHostname(new URL(`http://${host}/`).hostname), host).toBe(true);
    }
    for (const host of ['res.cognitiveservices.azure.com', '10.0.0.1', '[::ffff:10.0.0.1]']) {
      expect(isLoopbackHostname(new URL(`http://${host}/`).hostname), host).toBe(false);
    }
  });
});

describe('the local proxy in front of the service', () => {
  let proxy: LoopbackServer;
  let service: Awaited<ReturnType<typeof startServiceServer>>;

  beforeAll(async () => {
    service = await startServiceServer({ port: 0, timing: { queuedMs: 0, runMs: 0 } });
    proxy = await startProxyServer({ allowLoopback: true });
  });

  afterAll(async () => {
    await proxy.close();
    await service.close();
  });

  it('forwards the key and rewrites operation-location to the proxy path', async () => {
    const base = `${proxy.origin}/__proxy/http/${new URL(service.origin).host}`;
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
    const job = await fetch(new URL(location, proxy.origin), {
      headers: { 'Ocp-Apim-Subscription-Key': 'demo-key-0000' },
    });
    expect(job.status).toBe(200);
    expect(job.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses hosts that are not Azure AI or loopback', async () => {
    const outcome = await attack(proxy.origin, '/__proxy/https/example.com/anything');
    expect(outcome).toMatchObject({ status: 403, code: 'ProxyTargetNotAllowed' });
  });
});

describe('the local proxy under attack', () => {
  let service: LoopbackServer;
  let admin: LoopbackServer;
  /** As `npm run preview` starts it by default. */
  let closed: LoopbackServer;
  /** As the e2e suite starts it, with CLASSIFY_PROXY_LOOPBACK=1. */
  let open: LoopbackServer;
  const savedEnv = process.env.CLASSIFY_PROXY_LOOPBACK;

  beforeAll(async () => {
    [service, admin, closed, open] = await Promise.all([
      startHostileService(),
      startAdminApi(),
      startProxyServer({ allowLoopback: false }),
      startProxyServer({ allowLoopback: true }),
    ]);
  });

  afterEach(() => {
    // No test may reach the admin API or send the proxy a request it did not make itself.
    expect(admin.requests).toEqual([]);
    expect([...open.requests, ...closed.requests].filter((r) => !r.fromAttacker)).toEqual([]);
    if (savedEnv === undefined) delete process.env.CLASSIFY_PROXY_LOOPBACK;
    else process.env.CLASSIFY_PROXY_LOOPBACK = savedEnv;
  });

  afterAll(async () => {
    await Promise.all([service.close(), admin.close(), closed.close(), open.close()]);
  });

  it.each(['127.0.0.1', '127.1', '2130706433', '0x7f.1', 'localhost', '[::1]', '0.0.0.0'])(
    'refuses loopback %s unless started with CLASSIFY_PROXY_LOOPBACK=1',
    async (host) => {
      const outcome = await attack(closed.origin, `/__proxy/http/${host}:${admin.port}/secrets`);
      expect(outcome).toMatchObject({ status: 403, code: 'ProxyTargetNotAllowed' });
    },
  );

  it('reads CLASSIFY_PROXY_LOOPBACK when it is created', async () => {
    delete process.env.CLASSIFY_PROXY_LOOPBACK;
    const byDefault = await startProxyServer({});
    process.env.CLASSIFY_PROXY_LOOPBACK = '1';
    const optedIn = await startProxyServer({});
    try {
      const path = `/__proxy/http/${service.host}/json`;
      expect((await attack(byDefault.origin, path)).status).toBe(403);
      expect((await attack(optedIn.origin, path)).status).toBe(200);
    } finally {
      await Promise.all([byDefault.close(), optedIn.close()]);
    }
  });

  it.each([
    'https/res.cognitiveservices.azure.com:8443',
    'https/res.cognitiveservices.azure.com:80',
    'https/westeurope.api.cognitive.microsoft.com:22',
    'http/res.cognitiveservices.azure.com',
  ])('forwards to Azure AI hosts over https on 443 only, not %s', async (target) => {
    const outcome = await attack(closed.origin, `/__proxy/${target}/language/analyze-text/jobs`);
    expect(outcome).toMatchObject({ status: 403, code: 'ProxyTargetNotAllowed' });
  });

  it.each([
    'https/res.cognitiveservices.azure.com{,.evil.example}',
    'https/res.cognitiveservices.azure.com.',
    'https/RES.cognitiveservices.azure.com',
    'https/res%2Ecognitiveservices.azure.com',
    'https/res.cognitiveservices.azure.com:443',
  ])('takes a target only in its normalised form, not %s', async (target) => {
    const outcome = await attack(closed.origin, `/__proxy/${target}/language/analyze-text/jobs`);
    expect(outcome).toMatchObject({ status: 403, code: 'ProxyTargetNotAllowed' });
  });

  it.each(['LOCALHOST', 'localhost.', '127.0.0.1.'])(
    'does not forward to a loopback service spelt %s, though it serves the normalised one',
    async (host) => {
      const outcome = await attack(open.origin, `/__proxy/http/${host}:${service.port}/json`);
      expect(outcome).toMatchObject({ status: 403, code: 'ProxyTargetNotAllowed' });
      expect((await attack(open.origin, `/__proxy/http/${service.host}/json`)).status).toBe(200);
    },
  );

  it.each(['127.0.0.1', 'localhost', '2130706433', '127.1', '[::ffff:127.0.0.1]'])(
    'never forwards to its own port, even spelt %s',
    async (host) => {
      const outcome = await attack(open.origin, `/__proxy/http/${host}:${open.port}/x`);
      expect(outcome).toMatchObject({ status: 403, code: 'ProxyTargetNotAllowed' });
    },
  );

  it('refuses to nest itself, directly or through another loopback server', async () => {
    const inner = `__proxy/http/${admin.host}/secrets`;
    for (const path of [
      `/__proxy/http/127.0.0.1:${open.port}/${inner}`,
      `/__proxy/http/${service.host}/${inner}`,
      `/__proxy/http/${service.host}/%5F%5Fproxy/http/${admin.host}/secrets`,
      `/__proxy/http/${service.host}/a/../__PROXY/http/${admin.host}/secrets`,
    ]) {
      expect(await attack(open.origin, path), path).toMatchObject({ status: 403 });
    }
    expect(service.requests.filter((r) => r.path.toLowerCase().includes('proxy'))).toEqual([]);
  });

  it('refuses a request that carries no key or token, in the service’s error shape', async () => {
    const path = `/__proxy/http/${service.host}/json`;
    const response = await fetch(`${open.origin}${path}`, { headers: { 'x-attack-client': '1' } });
    expect(response.status).toBe(401);
    const { error } = z
      .object({ error: z.object({ code: z.string(), message: z.string() }).strict() })
      .strict()
      .parse(await response.json());
    expect(error.code).toBe('ProxyKeyRequired');
    expect(error.message).toContain('Ocp-Apim-Subscription-Key');
    const empty = await attack(open.origin, path, {
      withKey: false,
      headers: { 'Ocp-Apim-Subscription-Key': ' ' },
    });
    expect(empty.status).toBe(401);
    const token = await attack(open.origin, path, {
      withKey: false,
      headers: { Authorization: 'Bearer token' },
    });
    expect(token.status).toBe(200);
  });

  it('refuses a request another site makes', async () => {
    const outcome = await attack(open.origin, `/__proxy/http/${service.host}/json`, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(outcome).toMatchObject({ status: 403, code: 'ProxyCrossSite' });
  });

  it.each(['html', 'unlabelled'])('answers 502 instead of passing on a %s body', async (path) => {
    const response = await fetch(`${open.origin}/__proxy/http/${service.host}/${path}`, {
      headers: { 'Ocp-Apim-Subscription-Key': ATTACK_KEY, 'x-attack-client': '1' },
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text).toContain('ProxyUnexpectedContent');
    expect(text).not.toContain('<');
  });

  it('passes JSON of any +json type and its status', async () => {
    const outcome = await attack(open.origin, `/__proxy/http/${service.host}/problem`);
    expect(outcome).toMatchObject({ status: 404, code: 'NotFound' });
  });

  it.each([301, 302, 303, 307, 308])(
    'turns a %s redirect to another host into a 502 and follows nothing',
    async (status) => {
      const to = encodeURIComponent(`${admin.origin}/steal`);
      const response = await fetch(
        `${open.origin}/__proxy/http/${service.host}/redirect?status=${status}&to=${to}`,
        {
          method: status === 307 ? 'POST' : 'GET',
          headers: { 'Ocp-Apim-Subscription-Key': ATTACK_KEY, 'x-attack-client': '1' },
          body: status === 307 ? '{}' : null,
          redirect: 'manual',
        },
      );
      expect(response.status).toBe(502);
      expect(response.headers.get('location')).toBeNull();
      const body = await response.text();
      expect(body).toContain('ProxyRedirectRefused');
      expect(body).toContain('redirect');
      expect(body).toContain('not followed');
    },
  );

  it('refuses a request body over the cap, with or without Content-Length', async () => {
    const path = `/__proxy/http/${service.host}/language/analyze-text/jobs`;
    const before = service.requests.length;
    const declared = await attack(open.origin, path, {
      method: 'POST',
      body: new Uint8Array(PROXY_LIMITS.maxRequestBytes + 1),
    });
    expect(declared).toMatchObject({ status: 413, code: 'ProxyRequestTooLarge' });
    const streamed = await attack(open.origin, path, {
      method: 'POST',
      body: chunkedBody(PROXY_LIMITS.maxRequestBytes + MB),
      duplex: 'half',
    });
    expect(streamed).toMatchObject({ status: 413, code: 'ProxyRequestTooLarge' });
    expect(service.requests.length).toBe(before);
  });

  it('refuses an answer over the cap, streamed or declared, without holding it', async () => {
    const streamed = await attack(open.origin, `/__proxy/http/${service.host}/huge`);
    expect(streamed).toMatchObject({ status: 502, code: 'ProxyResponseTooLarge' });
    const declared = await attack(open.origin, `/__proxy/http/${service.host}/huge-declared`);
    expect(declared).toMatchObject({ status: 502, code: 'ProxyResponseTooLarge' });
    const under = await attack(open.origin, `/__proxy/http/${service.host}/huge?bytes=${MB}`);
    expect(under.status).toBe(200);
  });

  it('answers 503 with Retry-After past the cap of calls in flight', async () => {
    const answers = await Promise.all(
      Array.from({ length: PROXY_LIMITS.maxConcurrent + 4 }, () =>
        fetch(`${open.origin}/__proxy/http/${service.host}/slow?ms=300`, {
          headers: { 'Ocp-Apim-Subscription-Key': ATTACK_KEY, 'x-attack-client': '1' },
        }),
      ),
    );
    const busy = answers.filter((response) => response.status === 503);
    expect(busy).toHaveLength(4);
    expect(busy[0]?.headers.get('retry-after')).toBe('1');
    expect(answers.filter((response) => response.status === 200)).toHaveLength(16);
  });

  it('sends the sandboxing headers with every answer, forwarded or refused', async () => {
    for (const path of [`/__proxy/http/${service.host}/json`, '/__proxy/https/example.com/']) {
      const response = await fetch(`${open.origin}${path}`, {
        headers: { 'Ocp-Apim-Subscription-Key': ATTACK_KEY, 'x-attack-client': '1' },
      });
      expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe('attachment');
    }
  });

  it('forwards only the headers the service needs, and rewrites nextLink', async () => {
    const echoed = await fetch(`${open.origin}/__proxy/http/${service.host}/headers`, {
      headers: {
        'Ocp-Apim-Subscription-Key': ATTACK_KEY,
        'x-attack-client': '1',
        Cookie: 'session=1',
        'X-Forwarded-For': '10.0.0.1',
      },
    });
    const { headers } = z.object({ headers: z.array(z.string()) }).parse(await echoed.json());
    expect(headers).toContain('ocp-apim-subscription-key');
    expect(headers).not.toContain('cookie');
    expect(headers).not.toContain('x-forwarded-for');
    expect(headers).not.toContain('x-attack-client');
    const page = await fetch(`${open.origin}/__proxy/http/${service.host}/json`, {
      headers: { 'Ocp-Apim-Subscription-Key': ATTACK_KEY, 'x-attack-client': '1' },
    });
    expect(await page.json()).toMatchObject({
      nextLink: `/__proxy/http/${service.host}/json?skip=20`,
    });
  });

  it('refuses every attack of `npm run reliability` and leaks no key', async () => {
    const result = await runProxyAttacks();
    expect(result.lines.filter((line) => !line.startsWith('refused'))).toEqual([]);
    expect(result.refused).toBe(result.tried);
    expect(result.tried).toBeGreaterThan(30);
    expect(result.keyLeaks).toBe(0);
  });
});
