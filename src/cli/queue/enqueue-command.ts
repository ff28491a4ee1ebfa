import { Queue } from 'bullmq';
import { newRunRows } from '../../features/runs/store/new-run';
import { planBatch } from '../../service/batching';
import { formatCount } from '../../lib/format';
import { commandFlags, countFlag, runFlags } from '../cli-args';
import { DEFAULT_REQUESTS_PER_MINUTE, queueRate } from './queue-rate';
import { readInput } from '../read-input';
import { EXIT } from '../run-outcome';
import { bullJobId, JOB_OPTIONS, QUEUE_NAME, type JobData } from './queue-names';
import { connectRedis } from './redis-connection';
import { RunStore } from './run-store';

/**
 * `enqueue`: the run planned as `run` plans it (jobs of at most 25 documents and 125,000
 * characters), its documents and settings stored in Redis (never the key: each worker has its own),
 * one BullMQ job per service job. Prints the run id on stdout, for `collect --run`.
 */
export async function enqueueCommand(args: string[]): Promise<number> {
  const values = commandFlags('enqueue', args);
  const flags = runFlags(values);
  const redis = connectRedis(values.redis);
  const queue = new Queue(QUEUE_NAME, { connection: redis });
  try {
    const imported = await readInput(flags.input);
    for (const problem of imported.imported.problems)
      process.stderr.write(`warning: ${problem.message}\n`);
    const { documents } = imported.imported;
    const rows = newRunRows({
      settings: flags.settings,
      documents,
      plan: planBatch(documents),
      source: imported.sourceName,
    });
    const perMinute = values['requests-per-minute'];
    if (perMinute !== undefined) {
      // The resource's rate, for every worker (one started with its own flag sets it again).
      const rate = queueRate(
        countFlag('requests-per-minute', perMinute, DEFAULT_REQUESTS_PER_MINUTE),
      );
      await queue.setGlobalRateLimit(rate.max, rate.duration);
    }
    const store = new RunStore(redis);
    await store.create(rows.run, rows.jobs, rows.documents);
    await queue.addBulk(
      rows.jobs.map((job) => ({
        name: 'classify',
        data: { runId: rows.run.id, index: job.index } satisfies JobData,
        opts: { ...JOB_OPTIONS, jobId: bullJobId(rows.run.id, job.index) },
      })),
    );
    process.stderr.write(
      `Enqueued ${formatCount(rows.run.documentCount)} documents in ${formatCount(rows.jobs.length)} jobs (run ${rows.run.id}). Start workers with: npm run cli -- worker --redis URL\n`,
    );
    process.stdout.write(`${rows.run.id}\n`);
    return EXIT.done;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
