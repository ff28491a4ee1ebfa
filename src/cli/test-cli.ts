import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServiceServer, type ServiceExchange } from '../../scripts/service-server';
import { freePort } from '../../scripts/free-port';

/** For the command line's tests: the CLI, redis-server and the simulated service, on loopback. */

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
export const DEMO_KEY_ENV = { LANGUAGE_KEY: 'demo-key-0000' };

export interface Cli {
  process: ChildProcess;
  exited: Promise<number>;
  stdout: () => string;
  stderr: () => string;
}

/** The CLI as its own Node process (no npm or tsx wrapper between: a signal reaches it). */
export function cli(args: string[], env: Record<string, string> = DEMO_KEY_ENV): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, LANGUAGE_KEY: '', LANGUAGE_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
  );
  return { process: child, exited, stdout: () => out, stderr: () => err };
}

/** The arguments that aim the CLI at the simulated service's SupportTickets/production model. */
export function serviceArgs(origin: string): string[] {
  return ['--endpoint', origin, '--project', 'SupportTickets', '--deployment', 'production'];
}

export interface TestRedis {
  url: string;
  stop: () => Promise<void>;
  restart: () => Promise<void>;
}

/** redis-server on a free loopback port with its own folder, append-only file on. */
export async function startRedis(dir: string): Promise<TestRedis> {
  const port = await freePort();
  let server: ChildProcess | undefined;
  const start = async () => {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server = child;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', () => reject(new Error(`redis-server stopped: ${log}`)));
    });
  };
  const stop = async () => {
    const child = server;
    if (child?.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
  };
}

/** The simulated service in this process, telling the test every request and every document sent. */
export async function startWatchedService(options: { rateLimit?: number } = {}) {
  const exchanges: ServiceExchange[] = [];
  const service = await startServiceServer({
    port: 0,
    timing: { queuedMs: 100, runMs: 400 },
    ...options,
    onExchange: (exchange) => {
      if (!exchange.url.startsWith('/__')) exchanges.push(exchange);
    },
  });
  const submitted = new Map<string, number>();
  const { state } = service;
  const submitJob = state.submitJob.bind(state);
  // Each document the service accepts, counted by id: none may come twice.
  state.submitJob = (submission) => {
    for (const document of submission.documents)
      submitted.set(document.id, (submitted.get(document.id) ?? 0) + 1);
    return submitJob(submission);
  };
  return { service, exchanges, submitted };
}

/** The most requests the service saw within any `windowMs`. */
export function busiestWindow(exchanges: readonly ServiceExchange[], windowMs: number): number {
  const times = exchanges.map((exchange) => exchange.receivedAt).sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export async function tempDir(name: string) {
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const TEXTS = [
  'I was charged twice, please refund the invoice.',
  'The app crashes with an error when I upload.',
  'My parcel is late and tracking shows nothing.',
];

export async function writeDocuments(path: string, count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `doc${index + 1}`,
      text: `Ticket ${index + 1}: ${TEXTS[index % 3] ?? ''}`,
    }),
  );
  await writeFile(path, `${lines.join('\n')}\n`);
}

export const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 60_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('Timed out waiting.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const resultLineSchema = z.object({
  id: z.string(),
  classes: z.array(z.object({ category: z.string(), confidenceScore: z.number() })),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/** results.jsonl as written, each line checked. */
export async function readResultLines(out: string) {
  const text = await readFile(join(out, 'results.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => resultLineSchema.parse(JSON.parse(line)));
}
