import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { curlSnippet } from '../src/features/request/curl-snippet';
import { fetchSnippet } from '../src/features/request/fetch-snippet';
import { pythonSnippet } from '../src/features/request/python-snippet';
import { snippetRequest, type SnippetAuth } from '../src/features/request/snippet-request';
import type { JobInput } from '../src/service/model';

/**
 * Runs each copied snippet as a user would (`bash classify.sh`, `node classify.mjs`,
 * `python3 classify.py`) against a scripted service on loopback, with shims for curl, node, python3
 * and sleep first on PATH that record their argv (what `ps` shows any local user) and then run the
 * real program. The service answers polls with every kind of Retry-After (HTTP dates in the future
 * and the past, huge and zero seconds, a 429) and gives a job URL with `{1,2}` in it, which curl
 * would turn into two URLs without --globoff. Used by Vitest and by `npm run reliability`.
 */

const run = promisify(execFile);

export const SNIPPET_KINDS = ['cURL', 'fetch', 'Python'] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];

const SNIPPETS: Record<SnippetKind, { file: string; command: string; build: typeof curlSnippet }> =
  {
    cURL: { file: 'classify.sh', command: 'bash', build: curlSnippet },
    fetch: { file: 'classify.mjs', command: 'node', build: fetchSnippet },
    Python: { file: 'classify.py', command: 'python3', build: pythonSnippet },
  };

/** What each poll of the scripted job answers, and the wait (seconds) a snippet must take after it. */
const POLLS: { status: number; retryAfter: () => string | undefined; wait: [number, number] }[] = [
  { status: 200, retryAfter: () => new Date(Date.now() + 30_000).toUTCString(), wait: [28, 30] },
  {
    status: 429,
    retryAfter: () => new Date(Date.now() + 86_400_000).toUTCString(),
    wait: [60, 60],
  },
  { status: 200, retryAfter: () => new Date(Date.now() - 3_600_000).toUTCString(), wait: [1, 1] },
  { status: 200, retryAfter: () => '999999', wait: [60, 60] },
  { status: 200, retryAfter: () => '0', wait: [1, 1] },
  { status: 200, retryAfter: () => undefined, wait: [2, 2] },
];

/** curl reads `{1,2}` as two URLs unless told not to: the job must stay one URL. */
const JOB_PATH = '/language/analyze-text/jobs/job{1,2}';

interface ServiceRecord {
  method: string;
  path: string;
  secret: string | undefined;
}

function secretOf(request: IncomingMessage): string | undefined {
  const key = request.headers['ocp-apim-subscription-key'];
  if (typeof key === 'string') return key;
  return request.headers.authorization?.replace(/^Bearer /, '');
}

function job(status: string, nextLink?: string) {
  return {
    status,
    jobId: 'job',
    createdDateTime: new Date().toISOString(),
    tasks: { items: [{ results: { documents: [{ id: 'doc1', class: [] }] } }] },
    ...(nextLink ? { nextLink } : {}),
  };
}

async function startScriptedService() {
  const requests: ServiceRecord[] = [];
  let polls = 0;
  let origin = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      secret: secretOf(request),
    });
    request.resume();
    request.on('end', () => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'POST') {
        response.writeHead(202, {
          'operation-location': `${origin}${JOB_PATH}?api-version=2023-04-01`,
        });
        response.end();
        return;
      }
      if (request.url?.includes('skip=20')) {
        json(200, job('succeeded'));
        return;
      }
      const poll = POLLS[polls++];
      if (!poll) {
        json(200, job('succeeded', `${origin}${JOB_PATH}?api-version=2023-04-01&skip=20`));
        return;
      }
      const retryAfter = poll.retryAfter();
      const headers: Record<string, string> = retryAfter ? { 'retry-after': retryAfter } : {};
      if (poll.status === 429) {
        json(429, { error: { code: '429', message: 'Rate limit is exceeded.' } }, headers);
      } else json(200, job('running'), headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The service has no TCP address.');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const FIELD = '\u001f';
const RECORD = '\u001e';

/** A shim that appends its name and arguments to the log, then runs the real program (or not, for sleep). */
function shim(name: string, real: string | undefined): string {
  const record = `{ printf '%s' ${name}; for arg in "$@"; do printf '${FIELD}%s' "$arg"; done; printf '${RECORD}'; } >> "$SNIPPET_ARGV_LOG"`;
  // sleep only records: the waits are what is checked, and the run need not take minutes.
  return ['#!/bin/sh', record, real ? `exec '${real}' "$@"` : 'exit 0', ''].join('\n');
}

/** node and python3 record the waits their snippet asks for, and take them at once. */
const NODE_WAITS = `import { appendFileSync } from 'node:fs';
const setTimeoutOf = globalThis.setTimeout;
globalThis.setTimeout = (callback, ms, ...rest) => {
  if (!new Error().stack?.includes('classify.mjs')) return setTimeoutOf(callback, ms, ...rest);
  appendFileSync(process.env.SNIPPET_WAIT_LOG, \`\${ms / 1000}\\n\`);
  return setTimeoutOf(callback, 0, ...rest);
};
`;
const PYTHON_WAITS = `import os, sys, time
_sleep = time.sleep
def _recorded(seconds):
    if not sys._getframe(1).f_code.co_filename.endswith("classify.py"):
        return _sleep(seconds)
    with open(os.environ["SNIPPET_WAIT_LOG"], "a") as log:
        log.write(f"{seconds}\\n")
time.sleep = _recorded
`;

async function which(command: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('sh', ['-c', `command -v ${command}`]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface SnippetRun {
  kind: SnippetKind;
  auth: SnippetAuth;
  /** Skipped: the interpreter (or Python's requests) is not installed. */
  skipped?: string;
  /** Every program the run started through PATH, with its arguments, and the snippet's own command. */
  argv: string[][];
  /** Arguments that held the secret: must be none. */
  secretsInArgv: number;
  /** The service received the secret, in its header, on every request. */
  secretDelivered: boolean;
  /** Waits the snippet took after each poll, in seconds, and whether each was the one expected. */
  waits: number[];
  waitsOk: boolean;
  /** Requests to a URL curl made up by expanding `{1,2}`: must be none. */
  expandedUrls: number;
  polls: number;
  stdout: string;
  error?: string;
}

const input = (endpoint: string): JobInput => ({
  endpoint,
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'SupportTickets',
  deploymentName: 'production',
  modelId: '',
  language: 'en',
  jobName: '',
  documents: [{ id: 'doc1', text: 'My parcel never arrived.' }],
});

/** Runs one snippet with one kind of secret and reports what its processes exposed. */
export async function runSnippet(
  kind: SnippetKind,
  auth: SnippetAuth,
  secret: string,
): Promise<SnippetRun> {
  const { file, command, build } = SNIPPETS[kind];
  const empty = { argv: [], secretsInArgv: 0, secretDelivered: false, waits: [], polls: 0 };
  const result = { kind, auth, ...empty, waitsOk: false, expandedUrls: 0, stdout: '' };
  const real = Object.fromEntries(
    await Promise.all(
      ['bash', 'curl', 'node', 'python3'].map(async (name) => [name, await which(name)] as const),
    ),
  );
  if (!real[command]) return { ...result, skipped: `${command} is not installed` };
  if (kind === 'Python') {
    try {
      await run('python3', ['-c', 'import requests']);
    } catch {
      return { ...result, skipped: 'Python’s requests is not installed' };
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'classify-snippet-'));
  const bin = join(dir, 'bin');
  const service = await startScriptedService();
  try {
    await mkdir(bin);
    for (const name of ['curl', 'node', 'python3', 'sleep']) {
      await writeFile(join(bin, name), shim(name, real[name]));
      await chmod(join(bin, name), 0o755);
    }
    await writeFile(join(dir, 'waits.mjs'), NODE_WAITS);
    await writeFile(join(dir, 'sitecustomize.py'), PYTHON_WAITS);
    const argvLog = join(dir, 'argv.log');
    const waitLog = join(dir, 'waits.log');
    await writeFile(argvLog, '');
    await writeFile(waitLog, '');
    const script = join(dir, file);
    await writeFile(script, build(snippetRequest(input(service.origin), auth)));
    const variable = auth === 'key' ? 'LANGUAGE_KEY' : 'LANGUAGE_TOKEN';
    let stdout = '';
    let error: string | undefined;
    try {
      ({ stdout } = await run(command, [script], {
        cwd: dir,
        timeout: 30_000,
        env: {
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          HOME: dir,
          [variable]: secret,
          SNIPPET_ARGV_LOG: argvLog,
          SNIPPET_WAIT_LOG: waitLog,
          NODE_OPTIONS: `--import=${pathToFileURL(join(dir, 'waits.mjs')).href}`,
          PYTHONPATH: dir,
        },
      }));
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const argv = [
      [command, script],
      ...(await readFile(argvLog, 'utf8'))
        .split(RECORD)
        .filter(Boolean)
        .map((record) => record.split(FIELD)),
    ];
    const sleeps = argv.filter(([name]) => name === 'sleep').map(([, seconds]) => Number(seconds));
    const logged = (await readFile(waitLog, 'utf8')).split('\n').filter(Boolean).map(Number);
    const waits = kind === 'cURL' ? sleeps : logged;
    const polls = service.requests.filter(
      (request) => request.method === 'GET' && !request.path.includes('skip=20'),
    );
    return {
      ...result,
      argv,
      secretsInArgv: argv.flat().filter((arg) => arg.includes(secret)).length,
      secretDelivered:
        service.requests.length > 0 &&
        service.requests.every((request) => request.secret === secret),
      waits,
      waitsOk:
        waits.length === POLLS.length &&
        POLLS.every(({ wait: [low, high] }, index) => {
          const taken = waits[index] ?? NaN;
          return taken >= low && taken <= high;
        }),
      expandedUrls: service.requests.filter((request) => /\/job[12](\?|$)/.test(request.path))
        .length,
      polls: polls.length,
      stdout,
      ...(error ? { error } : {}),
    };
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const SNIPPET_SECRETS: Record<SnippetAuth, string> = {
  key: 'snippet-attack-key-5f0c2b9e',
  bearer: 'eyJhbGciOiJub25lIn0.eyJzbmlwcGV0IjoiYXR0YWNrIn0.c2lnbmF0dXJlLTlhN2Q',
};

/** Every snippet with the key and with a token: the figures `npm run reliability` prints. */
export async function runSnippetAttacks(): Promise<SnippetRun[]> {
  const runs: SnippetRun[] = [];
  for (const kind of SNIPPET_KINDS) {
    for (const auth of ['key', 'bearer'] as const) {
      runs.push(await runSnippet(kind, auth, SNIPPET_SECRETS[auth]));
    }
  }
  return runs;
}
