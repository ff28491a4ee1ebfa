import { mkdir } from 'node:fs/promises';
import { Queue } from 'bullmq';
import { isOpenJob, runProgress } from '../../features/runs/engine/run-schedule';
import { sentAgain } from '../../features/runs/engine/job-outcomes';
import type { WholeRun } from '../../features/runs/store/run-model';
import { delay } from '../../lib/delay';
import { formatCount } from '../../lib/format';
import { commandFlags, requiredFlag, UsageError } from '../cli-args';
import { Progress } from '../progress';
import { EXIT, exitCodeOf } from '../run-outcome';
import { writeOutputs } from '../run-outputs';
import { bullJobId, JOB_OPTIONS, QUEUE_NAME, type JobData } from './queue-names';
import { connectRedis } from './redis-connection';
import { RunStore } from './run-store';

const WAIT_POLL_MS = 1_000;

async function wholeRun(store: RunStore, runId: string): Promise<WholeRun> {
  const run = await store.run(runId);
  if (!run)
    throw new UsageError(
      `Redis has no run ${runId}: it was collected already, expired (24 h), or the id is wrong.`,
    );
  const [jobs, documents, results] = await Promise.all([
    store.jobs(runId),
    store.allDocuments(runId),
    store.results(runId),
  ]);
  return { run, jobs, documents, results, corrections: [] };
}

/**
 * `collect`: what the workers did for one run, written as `run` writes it (results.jsonl and the
 * run file). With --wait it first waits for every job to finish. A complete run then leaves
 * Redis; one with jobs still open stays, for a later collect.
 */
export async function collectCommand(args: string[]): Promise<number> {
  const values = commandFlags('collect', args);
  const runId = requiredFlag('run', values.run);
  const out = requiredFlag('out', values.out);
  const redis = connectRedis(values.redis);
  const store = new RunStore(redis);
  const queue = new Queue(QUEUE_NAME, { connection: redis });
  const progress = new Progress();
  try {
    let whole = await wholeRun(store, runId);
    if (values['send-again-unsure']) {
      // The user's decision, as the browser's Send again: back to the queue under a new BullMQ id.
      for (const job of whole.jobs.filter((job) => job.state === 'unsure')) {
        await store.saveJob({ ...job, ...sentAgain(job) });
        const data: JobData = { runId, index: job.index };
        await queue.add('classify', data, {
          ...JOB_OPTIONS,
          jobId: bullJobId(runId, job.index, Date.now()),
        });
        progress.say(`job ${job.index + 1} (${job.firstId}…${job.lastId}) is sent again.`);
      }
      whole = await wholeRun(store, runId);
    }
    for (;;) {
      const summary = runProgress(whole.run, whole.jobs);
      progress.update({
        done: summary.documentsDone,
        total: summary.documentsTotal,
        failed: summary.documentsFailed,
      });
      if (!values.wait || !whole.jobs.some(isOpenJob)) break;
      await delay(WAIT_POLL_MS);
      whole = await wholeRun(store, runId);
    }
    progress.end();
    await mkdir(out, { recursive: true });
    const written = await writeOutputs(out, whole);
    const summary = runProgress(whole.run, whole.jobs);
    for (const job of whole.jobs.filter((job) => job.state === 'unsure'))
      progress.say(
        `job ${job.index + 1} (${job.firstId}…${job.lastId}) may have been sent and is not sent again: ${job.error ?? ''} Check the service, then collect with --send-again-unsure to send it.`,
      );
    for (const job of whole.jobs.filter(
      (job) => job.state === 'refused' || job.state === 'expired',
    ))
      progress.say(
        `job ${job.index + 1} (${job.firstId}…${job.lastId}) ${job.state}: ${job.error ?? ''}`,
      );
    progress.say(
      `${formatCount(summary.documentsDone - summary.documentsFailed)} classified, ${formatCount(summary.documentsFailed)} failed, ${formatCount(summary.documentsTotal - summary.documentsDone)} not finished. Wrote ${written.join(' and ')}.`,
    );
    // Collected: the results leave Redis, unless work is left or waits for a decision.
    if (summary.open === 0 && summary.jobsNeedingAttention === 0) await store.remove(runId);
    // Not finished yet (no --wait): some documents have no result in what was written.
    return summary.open > 0 ? EXIT.failures : exitCodeOf(summary);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
