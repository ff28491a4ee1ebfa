import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceServer } from '../../../scripts/service-server';
import {
  runSnippet,
  SNIPPET_KINDS,
  SNIPPET_SECRETS,
  type SnippetKind,
} from '../../../scripts/snippet-attacks';
import { DEMO_KEY, DEMO_PROJECTS } from '../../demo/demo-settings';
import { demoAccessToken } from '../../demo/demo-token';
import type { JobInput } from '../../service/model';
import { curlSnippet } from './curl-snippet';
import { fetchSnippet } from './fetch-snippet';
import { pythonSnippet } from './python-snippet';
import { snippetRequest, type SnippetAuth } from './snippet-request';

const run = promisify(execFile);

type Service = Awaited<ReturnType<typeof startServiceServer>>;
let service: Service;

beforeAll(async () => {
  service = await startServiceServer({ port: 0, timing: { queuedMs: 300, runMs: 300 } });
});
afterAll(() => service.close());

function input(): JobInput {
  return {
    endpoint: service.origin,
    apiVersion: '2023-04-01',
    labelMode: 'single',
    projectName: DEMO_PROJECTS.single.projectName,
    deploymentName: 'production',
    modelId: '',
    language: 'en',
    jobName: `Quotes ' " and $HOME`,
    documents: [
      { id: 'doc1', text: 'My parcel never arrived, the tracking number is stuck.' },
      { id: 'doc2', text: `It's "broken": $HOME \`whoami\` \\n\nCLASSIFY_REQUEST_BODY\n'; exit 1` },
      ...Array.from({ length: 28 }, (_, index) => ({
        id: `more${index}`,
        text: 'I was charged twice for my subscription.',
      })),
    ],
  };
}

const env = () => ({ PATH: process.env.PATH ?? '', LANGUAGE_KEY: DEMO_KEY });

async function available(command: string, args: string[]): Promise<boolean> {
  try {
    await run(command, args);
    return true;
  } catch {
    return false;
  }
}

describe('a copied snippet, run as it is', () => {
  it('cURL: pasted into bash, submits, polls to the end and prints every page of the result', async () => {
    const script = curlSnippet(snippetRequest(input(), 'key'));
    const { stdout } = await run('bash', ['-c', script], { env: env(), timeout: 20_000 });
    expect(stdout).toMatch(/^HTTP\/1\.1 202/m);
    expect(stdout).toContain('Status: succeeded');
    expect(stdout).toContain('"category":"Shipping"');
    expect(stdout).toContain('"id":"doc2"');
    // 25 documents, 20 a page: the second page was followed.
    expect(stdout).toContain('"id":"more22"');
    expect(stdout).not.toContain('"id":"more23"');
  }, 30_000);

  it('cURL with an access token: sends it as a bearer token from LANGUAGE_TOKEN', async () => {
    const script = curlSnippet(snippetRequest(input(), 'bearer'));
    const { stdout } = await run('bash', ['-c', script], {
      env: { PATH: process.env.PATH ?? '', LANGUAGE_TOKEN: demoAccessToken(600) },
      timeout: 20_000,
    });
    expect(stdout).toMatch(/^HTTP\/1\.1 202/m);
    expect(stdout).toContain('Status: succeeded');
  }, 30_000);

  it('cURL: without the variable, stops before sending anything', async () => {
    const script = curlSnippet(snippetRequest(input(), 'key'));
    const failure: unknown = await run('bash', ['-c', script], {
      env: { PATH: process.env.PATH ?? '' },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const stderr = failure instanceof Error && 'stderr' in failure ? String(failure.stderr) : '';
    expect(stderr).toContain('Set LANGUAGE_KEY first');
  });

  it('fetch (JavaScript): runs under Node', async () => {
    const script = fetchSnippet(snippetRequest(input(), 'key'));
    const { stdout } = await run('node', ['--input-type=module', '-e', script], {
      env: env(),
      timeout: 20_000,
    });
    expect(stdout).toContain('Submit: 202');
    expect(stdout).toContain('Status: succeeded');
    expect(stdout).toContain('"category": "Shipping"');
    expect(stdout).toContain('"id": "more22"');
  }, 30_000);

  it('Python (requests): runs where python3 and requests are installed', async (context) => {
    if (!(await available('python3', ['-c', 'import requests']))) context.skip();
    const script = pythonSnippet(snippetRequest(input(), 'key'));
    const { stdout } = await run('python3', ['-c', script], { env: env(), timeout: 20_000 });
    expect(stdout).toContain('Submit: 202');
    expect(stdout).toContain('Status: succeeded');
    expect(stdout).toContain('"category": "Shipping"');
    expect(stdout).toContain('"id": "more22"');
  }, 30_000);
});

const SNIPPET_CASES: [SnippetKind, string, SnippetAuth][] = SNIPPET_KINDS.flatMap((kind) => [
  [kind, 'key', 'key'],
  [kind, 'access token', 'bearer'],
]);

describe('a copied snippet cannot be turned against its user', () => {
  it.for(SNIPPET_CASES)(
    '%s with the %s: the secret is in no process’s arguments, Retry-After is honoured and clamped, a job URL stays one URL',
    { timeout: 40_000 },
    async ([kind, , auth], context) => {
      const result = await runSnippet(kind, auth, SNIPPET_SECRETS[auth]);
      if (result.skipped) context.skip(result.skipped);
      expect(result.error).toBeUndefined();
      // The secret did travel, in its header, on every request.
      expect(result.secretDelivered).toBe(true);
      if (kind === 'cURL') expect(result.argv.filter(([name]) => name === 'curl')).toHaveLength(9);
      expect(result.argv.flat().filter((arg) => arg.includes(SNIPPET_SECRETS[auth]))).toEqual([]);
      expect(result.secretsInArgv).toBe(0);
      // A date 30 s ahead, a day ahead (429), an hour ago, 999999 s, 0 s, none.
      expect(result.waits).toHaveLength(6);
      expect(result.waits[0]).toBeGreaterThanOrEqual(28);
      expect(result.waits[0]).toBeLessThanOrEqual(30);
      expect(result.waits.slice(1)).toEqual([60, 1, 60, 1, 2]);
      expect(result.waitsOk).toBe(true);
      expect(result.polls).toBe(7);
      expect(result.expandedUrls).toBe(0);
    },
  );

  it('cURL: pasted into an interactive shell, leaves its options and variables as they were, even when it fails', async () => {
    const script = curlSnippet(snippetRequest(input(), 'key'));
    const shell = [
      'set +eu',
      'endpoint=mine',
      script,
      'echo "after: options=$- endpoint=$endpoint"',
    ].join('\n');
    // Without the key the snippet stops; the shell it was pasted into goes on.
    const { stdout, stderr } = await run('bash', ['-c', shell], {
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(stderr).toContain('Set LANGUAGE_KEY first');
    expect(stdout).toMatch(/after: options=[^eu\s]* endpoint=mine/);
  });
});
