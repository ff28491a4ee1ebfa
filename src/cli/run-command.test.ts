import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRunFile } from '../features/runs/file/run-file-read';
import { openAsBlob } from 'node:fs';
import {
  cli,
  readResultLines,
  serviceArgs,
  startWatchedService,
  tempDir,
  until,
  writeDocuments,
} from './test-cli';

/** `cli run` end to end against the simulated service on loopback, in Node (no page needed). */

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function setUp(documents: number) {
  const folder = await tempDir('cli-run');
  cleanups.push(folder.remove);
  const watched = await startWatchedService();
  cleanups.push(watched.service.close);
  const input = join(folder.dir, 'tickets.jsonl');
  await writeDocuments(input, documents);
  const out = join(folder.dir, 'out');
  const args = (more: string[] = []) => [
    'run',
    '--input',
    input,
    ...serviceArgs(watched.service.origin),
    '--out',
    out,
    ...more,
  ];
  return { ...watched, folder, input, out, args };
}

describe('cli run', () => {
  it(
    'resumes an interrupted run and sends nothing that already went',
    { timeout: 60_000 },
    async () => {
      const setup = await setUp(400);
      const first = cli(setup.args());
      await until(() => setup.submitted.size >= 100);
      first.process.kill('SIGINT');
      expect(await first.exited, first.stderr()).toBe(130);
      expect(first.stderr()).toMatch(/Stopping: no new job is sent/);
      const partial = await readResultLines(setup.out);
      expect(partial).toHaveLength(400);
      expect(partial.some((line) => line.error !== null)).toBe(true);

      const second = cli(setup.args());
      expect(await second.exited, second.stderr()).toBe(0);
      expect(second.stderr()).toMatch(/Resuming run .*nothing already sent is sent again/);
      const lines = await readResultLines(setup.out);
      expect(lines.map((line) => line.id)).toEqual(
        Array.from({ length: 400 }, (_, index) => `doc${index + 1}`),
      );
      expect(lines.every((line) => line.error === null && line.classes.length === 1)).toBe(true);
      expect(setup.submitted.size).toBe(400);
      expect([...setup.submitted.values()].every((times) => times === 1)).toBe(true);

      // The run file is the browser's format, whole: the same classes as results.jsonl.
      const file = await readRunFile(await openAsBlob(join(setup.out, 'run.classify-run.json.gz')));
      expect(file.results).toHaveLength(400);
      expect(file.results[0]?.classes[0]?.category).toBe(lines[0]?.classes[0]?.category);
      expect(JSON.stringify(file)).not.toContain('demo-key-0000');

      // A third time, nothing is left to do and nothing is sent.
      const requests = setup.exchanges.length;
      const third = cli(setup.args());
      expect(await third.exited).toBe(0);
      expect(setup.exchanges.length).toBe(requests);
    },
  );

  it(
    'exits 1 when documents fail, and says why in results.jsonl',
    { timeout: 60_000 },
    async () => {
      const setup = await setUp(30);
      const run = cli(
        setup.args().map((arg) => (arg === 'SupportTickets' ? 'NoSuchProject' : arg)),
      );
      expect(await run.exited, run.stderr()).toBe(1);
      const lines = await readResultLines(setup.out);
      expect(lines).toHaveLength(30);
      expect(lines.every((line) => line.classes.length === 0 && line.error !== null)).toBe(true);
    },
  );

  it(
    'exits 2 on bad settings, a key on the command line, or another run’s folder',
    { timeout: 60_000 },
    async () => {
      const setup = await setUp(30);
      const insecure = cli(
        setup.args().map((arg) => arg.replace('http://127.0.0.1', 'http://example.com')),
      );
      expect(await insecure.exited).toBe(2);
      expect(insecure.stderr()).toMatch(/--endpoint: Use https:\/\//);

      const noKey = cli(setup.args(), {});
      expect(await noKey.exited).toBe(2);
      expect(noKey.stderr()).toMatch(/LANGUAGE_KEY/);

      const keyFlag = cli(setup.args(['--key', 'secret-value']));
      expect(await keyFlag.exited).toBe(2);
      expect(keyFlag.stderr()).not.toContain('secret-value');

      expect(await cli(setup.args()).exited).toBe(0);
      await writeDocuments(setup.input, 31);
      const other = cli(setup.args());
      expect(await other.exited).toBe(2);
      expect(other.stderr()).toMatch(/holds the journal of another run/);
    },
  );
});
