import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../scripts/free-port';

/**
 * The production recipe (deploy/nginx/) run by Debian's nginx against the built app: headers, the
 * app in Chromium under that policy, and the proxy limited to one resource. Skipped without nginx.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const TEMPLATE = path.join(ROOT, 'deploy/nginx/classify-console.conf.template');
const RESOURCE_HOST = 'testres.cognitiveservices.azure.com';
const KEY = 'nginx-test-key-0000';

function portOf(server: { address: () => AddressInfo | string | null }): number {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no TCP address.');
  return address.port;
}

function findCommand(name: string, candidates: string[]): string | undefined {
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

const nginxPath = findCommand('nginx', ['/usr/sbin/nginx', '/usr/local/sbin/nginx']);
const opensslPath = findCommand('openssl', ['/usr/bin/openssl']);

/** envsubst with an explicit list of names, as the template's header says. */
function render(template: string, values: Record<string, string>): string {
  const text = template.replace(/\$\{(CLASSIFY_[A-Z_]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The template uses \${${name}}, which has no value.`);
    return value;
  });
  return text;
}

interface Upstream {
  port: number;
  requests: { method: string; path: string; headers: string[]; bodyBytes: number }[];
  server: Server;
}

/** A stand-in for the resource over TLS on loopback, answering like the service or an attacker. */
async function startUpstream(directory: string): Promise<Upstream> {
  const key = path.join(directory, 'upstream.key');
  const cert = path.join(directory, 'upstream.crt');
  execFileSync(
    opensslPath ?? 'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${RESOURCE_HOST}`,
      '-addext',
      `subjectAltName=DNS:${RESOURCE_HOST}`,
    ],
    { stdio: 'ignore' },
  );
  const requests: Upstream['requests'] = [];
  const server = createHttpsServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (request, response) => {
      let bodyBytes = 0;
      request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      request.on('end', () => {
        const url = request.url ?? '/';
        requests.push({
          method: request.method ?? 'GET',
          path: url,
          headers: Object.keys(request.headers).sort(),
          bodyBytes,
        });
        const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          response.writeHead(status, { 'content-type': 'application/json', ...headers });
          response.end(JSON.stringify(body));
        };
        if (url.startsWith('/language/analyze-text/jobs') && request.method === 'POST') {
          response.writeHead(202, {
            'operation-location': `https://${RESOURCE_HOST}/language/analyze-text/jobs/1?api-version=2023-04-01`,
          });
          response.end();
        } else if (url.startsWith('/json')) {
          json(200, { status: 'succeeded', nextLink: `https://${RESOURCE_HOST}/json?skip=20` });
        } else if (url.startsWith('/headers')) {
          json(200, { headers: Object.keys(request.headers).sort(), bodyBytes });
        } else if (url.startsWith('/html')) {
          response.writeHead(200, { 'content-type': 'text/html' });
          response.end('<script>document.title = localStorage.length</script>');
        } else if (url.startsWith('/redirect')) {
          response.writeHead(307, { location: 'https://evil.example/steal' });
          response.end();
        } else json(404, { error: { code: '404', message: 'Resource not found' } });
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: portOf(server), requests, server };
}

function nginxConfig(directory: string, port: number, upstreamPort: number): string {
  const site = render(readFileSync(TEMPLATE, 'utf8'), {
    CLASSIFY_LISTEN: `127.0.0.1:${port}`,
    CLASSIFY_ROOT: DIST,
    CLASSIFY_RESOURCE_HOST: RESOURCE_HOST,
    // Production: the resource host on 443. Here: the TLS stand-in on loopback, same name and cert.
    CLASSIFY_RESOURCE_ADDRESS: upstreamPort ? `127.0.0.1:${upstreamPort}` : '127.0.0.1:9',
    CLASSIFY_TRUSTED_CA: upstreamPort
      ? path.join(directory, 'upstream.crt')
      : '/etc/ssl/certs/ca-certificates.crt',
    CLASSIFY_CONNECT_SRC: '',
  });
  writeFileSync(path.join(directory, 'classify-console.conf'), site);
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(path.join(directory, name), { recursive: true });
  }
  const temp = (name: string) => `${name}_temp_path ${path.join(directory, name)};`;
  return `daemon off;
master_process off;
worker_processes 1;
pid ${path.join(directory, 'nginx.pid')};
error_log ${path.join(directory, 'error.log')} warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp('client_body')}
  ${temp('proxy')}
  ${temp('fastcgi')}
  ${temp('uwsgi')}
  ${temp('scgi')}
  include ${path.join(directory, 'classify-console.conf')};
}
`;
}

async function waitForNginx(origin: string, nginx: ChildProcess, directory: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (nginx.exitCode !== null) break;
    try {
      await fetch(origin, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const log = existsSync(path.join(directory, 'error.log'))
    ? readFileSync(path.join(directory, 'error.log'), 'utf8')
    : '';
  throw new Error(`nginx did not start: ${log}`);
}

test.describe('the production nginx recipe', () => {
  test.describe.configure({ mode: 'default' });
  test.skip(
    !nginxPath,
    'nginx is not installed (Debian: apt-get install nginx); .ci/run installs it',
  );

  let directory = '';
  let origin = '';
  let nginx: ChildProcess | undefined;
  let upstream: Upstream | undefined;
  const proxyBase = () => `${origin}/__proxy/https/${RESOURCE_HOST}`;

  test.beforeAll(async () => {
    expect(existsSync(path.join(DIST, 'index.html')), 'the webServer builds dist/ first').toBe(
      true,
    );
    directory = mkdtempSync(path.join(tmpdir(), 'classify-nginx-'));
    if (opensslPath) upstream = await startUpstream(directory);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const config = path.join(directory, 'nginx.conf');
    writeFileSync(config, nginxConfig(directory, port, upstream?.port ?? 0));
    nginx = spawn(
      nginxPath ?? 'nginx',
      ['-p', directory, '-c', config, '-e', path.join(directory, 'error.log')],
      { stdio: 'ignore' },
    );
    await waitForNginx(origin, nginx, directory);
  });

  test.afterAll(async () => {
    if (nginx?.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((resolve) =>
      upstream ? upstream.server.close(() => resolve()) : resolve(),
    );
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  test('serves the app with the CSP and security headers, and index.html for any path', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('connect-src');
    expect(csp).not.toMatch(/connect-src[^;]* https:(\s|;|$)/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');

    // The header and the build's meta policy must agree, or the stricter one silently wins.
    const html = await page.text();
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = (policy: string) =>
      policy
        .replaceAll('&#39;', "'")
        .split(';')
        .map((directive) => directive.trim().replace(/\s+/g, ' '))
        .filter((directive) => directive && !directive.startsWith('frame-ancestors'));
    expect(directives(csp)).toEqual(directives(meta));

    const deep = await fetch(`${origin}/some/deep/link`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    expect(deep.headers.get('content-security-policy')).toBe(csp);

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    const asset = await fetch(`${origin}${script}`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('content-security-policy')).toBe(csp);
  });

  test('its own redirects carry a path only, whatever Host the request names', async () => {
    // /assets is a directory: nginx answers with a redirect to /assets/.
    const { port } = new URL(origin);
    const answer = await new Promise<{ status: number; location: string | undefined }>(
      (resolve, reject) => {
        const request = httpRequest(
          { host: '127.0.0.1', port, path: '/assets', headers: { host: 'evil.example' } },
          (response) => {
            response.resume();
            resolve({ status: response.statusCode ?? 0, location: response.headers.location });
          },
        );
        request.once('error', reject);
        request.end();
      },
    );
    expect(answer.status).toBe(301);
    expect(answer.location).toBe('/assets/');
  });

  test('the app loads in Chromium with no CSP violation and the demo runs', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        );
      });
    });
    await page.goto(`${origin}/`);
    await expect(page.getByRole('heading', { name: 'Classify Console' })).toBeVisible();
    await page.getByRole('button', { name: 'Submit job' }).click();
    await expect(page.getByLabel('Status: succeeded')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Results' })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('the proxy refuses every target but the configured resource on 443', async () => {
    const withKey = { headers: { 'Ocp-Apim-Subscription-Key': KEY } };
    for (const target of [
      'http/127.0.0.1:4010/language/',
      `https/127.0.0.1:${upstream?.port ?? 9}/json`,
      'https/localhost/json',
      'https/other.cognitiveservices.azure.com/json',
      `https/${RESOURCE_HOST}:8443/json`,
      `http/${RESOURCE_HOST}/json`,
      `https/${RESOURCE_HOST}.evil.example/json`,
    ]) {
      const response = await fetch(`${origin}/__proxy/${target}`, withKey);
      expect(response.status, target).toBe(403);
      expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect(response.headers.get('content-disposition')).toBe('attachment');
      expect(await response.json()).toMatchObject({ error: { code: 'ProxyTargetNotAllowed' } });
    }
    const noKey = await fetch(`${proxyBase()}/json`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { code: 'ProxyKeyRequired' } });
    const nested = await fetch(`${proxyBase()}/__proxy/https/${RESOURCE_HOST}/json`, withKey);
    expect(nested.status).toBe(403);
    const crossSite = await fetch(`${proxyBase()}/json`, {
      headers: { 'Ocp-Apim-Subscription-Key': KEY, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const put = await fetch(`${proxyBase()}/json`, { ...withKey, method: 'PUT' });
    expect(put.status).toBe(405);
    const huge = await fetch(`${proxyBase()}/language/analyze-text/jobs`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': KEY, 'Content-Type': 'application/json' },
      body: new Uint8Array(9 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(await huge.json()).toMatchObject({ error: { code: 'ProxyRequestTooLarge' } });
  });

  test('the proxy forwards to the resource, rewrites its links and refuses its redirects', async () => {
    test.skip(!upstream, 'openssl is not installed: no TLS stand-in for the resource');
    const headers = { 'Ocp-Apim-Subscription-Key': KEY, 'Content-Type': 'application/json' };
    const submit = await fetch(`${proxyBase()}/language/analyze-text/jobs?api-version=2023-04-01`, {
      method: 'POST',
      headers,
      body: '{"analysisInput":{"documents":[]}}',
    });
    expect(submit.status).toBe(202);
    expect(submit.headers.get('operation-location')).toBe(
      `/__proxy/https/${RESOURCE_HOST}/language/analyze-text/jobs/1?api-version=2023-04-01`,
    );

    const page = await fetch(`${proxyBase()}/json`, { headers });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.json()).toMatchObject({
      nextLink: `/__proxy/https/${RESOURCE_HOST}/json?skip=20`,
    });

    const echoed = await fetch(`${proxyBase()}/headers`, {
      method: 'POST',
      headers: { ...headers, Cookie: 'session=1', 'X-Forwarded-For': '10.0.0.1' },
      body: '{"a":1}',
    });
    const seen: unknown = await echoed.json();
    expect(seen).toMatchObject({ bodyBytes: 7 });
    expect(JSON.stringify(seen)).toContain('ocp-apim-subscription-key');
    expect(JSON.stringify(seen)).not.toContain('cookie');
    expect(JSON.stringify(seen)).not.toContain('x-forwarded-for');

    const redirect = await fetch(`${proxyBase()}/redirect`, { headers, redirect: 'manual' });
    expect(redirect.status).toBe(502);
    expect(redirect.headers.get('location')).toBeNull();
    expect(await redirect.json()).toMatchObject({ error: { code: 'ProxyRedirectRefused' } });

    const html = await fetch(`${proxyBase()}/html`, { headers });
    expect(html.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(html.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(html.headers.get('content-disposition')).toBe('attachment');
  });
});
