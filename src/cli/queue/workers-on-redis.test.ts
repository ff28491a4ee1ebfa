import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  busiestWindow,
  cli,
  readResultLines,
  serviceArgs,
  startRedis,
  startWatchedService,
  tempDir,
  until,
  writeDocuments,
  type Cli,
} from '../test-cli';
import { Redis } from 'ioredis';
import { delay } from '../../lib/delay';
import { RunStore } from './run-store';

/**
 * End to end on loopback, in Node (no page: Vitest, with a longer timeout): 1,000 documents, three
 * workers on a real redis-server, the simulated service counting every request and document.
 */

const DOCUMENTS = 1_000;
const REQUESTS_PER_MINUTE = 1_200;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function setUp() {
  const folder = await tempDir('workers');
  cleanups.push(folder.remove);
  const redis = await startRedis(folder.dir);
  cleanups.push(redis.stop);
  // The service's limit is the rate the workers are told: a single request over it is a 429.
  const watched = await startWatchedService({ rateLimit: REQUESTS_PER_MINUTE / 60 });
  cleanups.push(watched.service.close);
  const input = join(folder.dir, 'tickets.jsonl');
  await writeDocuments(input, DOCUMENTS);
  const enqueue = cli([
    'enqueue',
    '--redis',
    redis.url,
    '--input',
    input,
    ...serviceArgs(watched.service.origin),
  ]);
  expect(await enqueue.exited, enqueue.stderr()).toBe(0);
  const runId = enqueue.stdout().trim();
  const workers: Cli[] = [];
  const startWorker = (lockSeconds = 2) => {
    const worker = cli([
      'worker',
      '--redis',
      redis.url,
      '--concurrency',
      '6',
      '--requests-per-minute',
      String(REQUESTS_PER_MINUTE),
      '--lock-seconds',
      String(lockSeconds),
    ]);
    workers.push(worker);
    cleanups.push(async () => {
      worker.process.kill('SIGTERM');
      await worker.exited;
    });
    return worker;
  };
  return { ...watched, folder, redis, runId, workers, startWorker };
}

async function collected(setup: Awaited<ReturnType<typeof setUp>>) {
  const out = join(setup.folder.dir, 'out');
  const collect = cli([
    'collect',
    '--redis',
    setup.redis.url,
    '--run',
    setup.runId,
    '--wait',
    '--out',
    out,
  ]);
  const code = await collect.exited;
  return { code, stderr: collect.stderr(), lines: await readResultLines(out) };
}

/** Every document classified once, and never more requests than the rate allows. */
function expectWholeAndOnce(
  setup: Awaited<ReturnType<typeof setUp>>,
  result: Awaited<ReturnType<typeof collected>>,
) {
  expect(result.code, result.stderr).toBe(0);
  expect(result.lines).toHaveLength(DOCUMENTS);
  expect(
    result.lines.filter((line) => line.error === null && line.classes.length > 0),
  ).toHaveLength(DOCUMENTS);
  expect(setup.submitted.size).toBe(DOCUMENTS);
  expect([...setup.submitted.values()].filter((times) => times > 1)).toEqual([]);
  expect(setup.service.stats.throttled).toBe(0);
  // And as the test sees it: over any 5 s, within a quarter of the rate's share. The limiter's
  // slots are exact; the slack is for when requests are stamped here (the service runs in this test's
  // process, on a shared machine, and a busy moment stamps a few late, bunched together).
  expect(busiestWindow(setup.exchanges, 5_000)).toBeLessThanOrEqual(
    ((5 * REQUESTS_PER_MINUTE) / 60) * 1.25,
  );
}

describe('workers on Redis', () => {
  it(
    'lose nothing and send nothing twice when one is killed mid-run',
    { timeout: 120_000 },
    async () => {
      const setup = await setUp();
      const victim = setup.startWorker();
      setup.startWorker();
      setup.startWorker();
      // Mid-run, a third of the jobs accepted. A POST whose worker dies before its answer is saved is
      // rightly reported for the user's decision: the victim is stopped first, and killed once none of
      // its jobs is on its way (the others' last a few ms; a stopped worker's would stay).
      await until(() => setup.submitted.size >= DOCUMENTS / 3);
      const store = new RunStore(new Redis(setup.redis.url));
      cleanups.push(() => Promise.resolve(store.close()));
      await until(async () => {
        victim.process.kill('SIGSTOP');
        await delay(150);
        const sending = (await store.jobs(setup.runId)).some((job) => job.state === 'sending');
        if (!sending) return true;
        // Its POST goes on; stopped again only once it has had time to save the answer.
        victim.process.kill('SIGCONT');
        await delay(300);
        return false;
      });
      victim.process.kill('SIGKILL');
      expect(await victim.exited).toBe(128);
      expectWholeAndOnce(setup, await collected(setup));
    },
  );

  it(
    'lose nothing and send nothing twice when Redis restarts mid-run',
    { timeout: 120_000 },
    async () => {
      const setup = await setUp();
      setup.startWorker();
      setup.startWorker();
      setup.startWorker();
      await until(() => setup.submitted.size >= DOCUMENTS / 3);
      await setup.redis.restart();
      expectWholeAndOnce(setup, await collected(setup));
    },
  );
});
