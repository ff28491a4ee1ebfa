import { join } from 'node:path';
import {
  cli,
  serviceArgs,
  startRedis,
  startWatchedService,
  tempDir,
  writeDocuments,
} from '../src/cli/test-cli';

/**
 * 10,000 documents through 1, 2 and 4 workers on Redis (BullMQ) against the simulated service over
 * loopback, at 1,000 requests a minute (the service answers 429 past that, as a resource does): each
 * case's time against the ideal the rate allows, and the share of requests refused.
 */
const DOCUMENTS = 10_000;
const REQUESTS_PER_MINUTE = 1_000;
/** Each 25-document job needs at least a POST, a poll that finds it done and its second results page. */
const IDEAL_REQUESTS = Math.ceil(DOCUMENTS / 25) * 3;

async function oneCase(workers: number): Promise<void> {
  const folder = await tempDir('bench-workers');
  const redis = await startRedis(folder.dir);
  const { service, exchanges, submitted } = await startWatchedService({
    rateLimit: REQUESTS_PER_MINUTE / 60,
  });
  const running: ReturnType<typeof cli>[] = [];
  try {
    const input = join(folder.dir, 'tickets.jsonl');
    await writeDocuments(input, DOCUMENTS);
    const enqueue = cli([
      'enqueue',
      '--redis',
      redis.url,
      '--input',
      input,
      ...serviceArgs(service.origin),
    ]);
    if ((await enqueue.exited) !== 0) throw new Error(enqueue.stderr());
    const runId = enqueue.stdout().trim();
    const started = Date.now();
    for (let index = 0; index < workers; index++)
      running.push(
        cli([
          'worker',
          '--redis',
          redis.url,
          '--concurrency',
          '8',
          '--requests-per-minute',
          String(REQUESTS_PER_MINUTE),
        ]),
      );
    const collect = cli([
      'collect',
      '--redis',
      redis.url,
      '--run',
      runId,
      '--wait',
      '--out',
      join(folder.dir, 'out'),
    ]);
    const code = await collect.exited;
    const seconds = (Date.now() - started) / 1000;
    const ideal = (IDEAL_REQUESTS / REQUESTS_PER_MINUTE) * 60;
    const share =
      service.stats.requests === 0 ? 0 : service.stats.throttled / service.stats.requests;
    const twice = [...submitted.values()].filter((times) => times > 1).length;
    console.log(
      `   ${workers} worker${workers === 1 ? ' ' : 's'}: ${seconds.toFixed(1)} s (ideal ${ideal.toFixed(0)} s, ${(seconds / ideal).toFixed(2)}×), ${exchanges.length.toLocaleString('en-US')} requests, 429s ${(share * 100).toFixed(1)}%, ${submitted.size.toLocaleString('en-US')} documents sent (${twice} twice), collect exit ${code}`,
    );
  } finally {
    for (const worker of running) {
      worker.process.kill('SIGTERM');
      await worker.exited;
    }
    await service.close();
    await redis.stop();
    await folder.remove();
  }
}

export async function benchWorkers(): Promise<void> {
  console.log(
    `\n8. ${DOCUMENTS.toLocaleString('en-US')} documents through workers on Redis at ${REQUESTS_PER_MINUTE.toLocaleString('en-US')} requests a minute (ideal: ${IDEAL_REQUESTS.toLocaleString('en-US')} requests)`,
  );
  for (const workers of [1, 2, 4]) await oneCase(workers);
}
