import { Queue, Worker } from 'bullmq';
import { commandFlags, countFlag, secretFromEnv } from '../cli-args';
import { EXIT } from '../run-outcome';
import { processJob, settleExhausted } from './process-job';
import { QUEUE_NAME } from './queue-names';
import {
  DEFAULT_REQUESTS_PER_MINUTE,
  queueRate,
  requestsPerMinuteOf,
  type QueueRate,
} from './queue-rate';
import { connectRedis } from './redis-connection';
import { shareRequestBudget, withinStep } from './request-budget';
import { RunStore } from './run-store';

/**
 * `worker`: takes service jobs from the queue, one request per step, within the rate every worker
 * shares (the queue's global rate limit, set by --requests-per-minute and kept in Redis). Runs
 * until SIGINT or SIGTERM, which let the steps under way finish first.
 */
export async function workerCommand(args: string[]): Promise<number> {
  const values = commandFlags('worker', args);
  const secret = secretFromEnv(process.env);
  const concurrency = countFlag('concurrency', values.concurrency, 8, { max: 200 });
  const lockSeconds = countFlag('lock-seconds', values['lock-seconds'], 30, { max: 600 });
  const redis = connectRedis(values.redis);
  const queue = new Queue(QUEUE_NAME, { connection: redis });
  let rate: QueueRate;
  if (values['requests-per-minute'] === undefined) {
    // The rate the first worker (or the last one told) set for every worker.
    rate = (await queue.getGlobalRateLimit()) ?? queueRate(DEFAULT_REQUESTS_PER_MINUTE);
  } else {
    rate = queueRate(
      countFlag('requests-per-minute', values['requests-per-minute'], DEFAULT_REQUESTS_PER_MINUTE),
    );
  }
  await queue.setGlobalRateLimit(rate.max, rate.duration);
  shareRequestBudget(redis, queue.keys.limiter ?? `bull:${QUEUE_NAME}:limiter`, () => rate);

  let exitCode: number = EXIT.done;
  const store = new RunStore(redis);
  const worker = new Worker(
    QUEUE_NAME,
    (job, token) =>
      withinStep(() =>
        processJob(job, token, {
          store,
          queue,
          secret,
          keyRefused: (message) => {
            if (exitCode === EXIT.usage) return;
            exitCode = EXIT.usage;
            process.stderr.write(`${message}\n`);
            void stop();
          },
        }),
      ),
    {
      connection: connectRedis(values.redis),
      concurrency,
      limiter: rate,
      lockDuration: lockSeconds * 1000,
      // Checked as often as a lock lasts: a dead worker's jobs go on within one lock's time.
      stalledInterval: lockSeconds * 1000,
      // A job whose worker died is any worker's again; it is never failed for it (its state decides).
      maxStalledCount: 1_000,
    },
  );
  worker.on('error', (error) => process.stderr.write(`worker: ${error.message}\n`));
  worker.on('failed', (job, error) => {
    process.stderr.write(`job ${job?.id ?? '?'} failed: ${error.message}\n`);
    if (job)
      void settleExhausted(job, error, { store, queue }).catch((cause: unknown) =>
        process.stderr.write(
          `job ${job.id ?? '?'} could not be settled: ${cause instanceof Error ? cause.message : String(cause)}\n`,
        ),
      );
  });
  process.stderr.write(
    `Worker started: ${concurrency} at once, ${requestsPerMinuteOf(rate)} requests a minute shared by every worker.\n`,
  );
  const closed = new Promise<void>((resolve) => worker.once('closed', () => resolve()));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await worker.close();
      await queue.close();
      redis.disconnect();
    })();
    return stopping;
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await closed;
  await stop();
  return exitCode;
}
