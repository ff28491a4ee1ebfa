import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createQueryClient } from '../app/query-client';
import { RunRunner } from '../features/runs/engine/run-runner';
import { isOpenJob, runProgress } from '../features/runs/engine/run-schedule';
import { newRunRows } from '../features/runs/store/new-run';
import type { RunJob } from '../features/runs/store/run-model';
import { planBatch } from '../service/batching';
import { formatCount } from '../lib/format';
import {
  commandFlags,
  requiredFlag,
  runFlags,
  secretFromEnv,
  UsageError,
  type RunFlags,
} from './cli-args';
import { JournalStorage } from './journal-storage';
import { Progress } from './progress';
import { readInput } from './read-input';
import { EXIT, exitCodeOf, resumeDecision, stalledRetryDelay } from './run-outcome';
import { writeOutputs } from './run-outputs';

/** What the run is made of: the same settings and documents make the same fingerprint. */
export function runFingerprint(flags: Pick<RunFlags, 'settings'>, documents: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ settings: flags.settings, documents }))
    .digest('hex');
}

/** The journal in `out`: this run's resumed, a new one, or a refusal when it is another run's. */
async function openJournal(out: string, flags: RunFlags, progress: Progress) {
  const imported = await readInput(flags.input);
  for (const problem of imported.imported.problems) progress.say(`warning: ${problem.message}`);
  if (imported.table) {
    const { columns, choice } = imported.table;
    const named = (column: number | undefined) =>
      column === undefined ? 'none' : `“${columns[column] ?? column}”`;
    progress.say(
      `columns: text ${named(choice.textColumn)}, id ${named(choice.idColumn)}, label ${named(choice.labelColumn)}, language ${named(choice.languageColumn)}`,
    );
  }
  const { documents } = imported.imported;
  const fingerprint = runFingerprint(flags, documents);
  const journal = await JournalStorage.resume(out);
  switch (resumeDecision(journal?.fingerprint, fingerprint)) {
    case 'other-run':
      await journal?.close();
      throw new UsageError(
        `${out} holds the journal of another run (other documents or settings). Choose another --out, or delete ${out} to start afresh.`,
      );
    case 'resume':
      if (journal) return { journal, resumed: true };
  }
  const rows = newRunRows({
    settings: flags.settings,
    documents,
    plan: planBatch(documents),
    source: imported.sourceName,
  });
  return { journal: await JournalStorage.create(out, rows, fingerprint), resumed: false, rows };
}

/**
 * `run`: the app's own runner (run-runner.ts: its client, batching, pacing, polling and rules)
 * in Node, with a journal in --out as its storage. Resolves to the exit code.
 */
export async function runCommand(args: string[]): Promise<number> {
  const values = commandFlags('run', args);
  const secret = secretFromEnv(process.env);
  const flags = runFlags(values, secret);
  const out = requiredFlag('out', values.out);
  await mkdir(out, { recursive: true });
  const progress = new Progress();
  const { journal, resumed, rows } = await openJournal(out, flags, progress);
  const { run } = journal.whole();
  const runner = new RunRunner({
    run,
    repository: journal,
    queryClient: createQueryClient(),
    secret: () => secret,
    ...(rows ? { initial: { jobs: rows.jobs, documents: rows.documents } } : {}),
  });
  const jobs = () => runner.getJobs() ?? journal.whole().jobs;
  if (resumed) {
    const done = runProgress(run, journal.whole().jobs);
    progress.say(
      `Resuming run ${run.id} from ${out}: ${formatCount(done.documentsDone)} of ${formatCount(done.documentsTotal)} documents done; nothing already sent is sent again.`,
    );
  } else {
    progress.say(
      `Run ${run.id}: ${formatCount(run.documentCount)} documents in ${formatCount(journal.whole().jobs.length)} jobs.`,
    );
  }
  const code = await drive(runner, jobs, progress, values['send-again-unsure'] === true);
  await runner.flushed();
  runner.stop();
  const whole = journal.whole();
  await journal.close();
  const [results, runFile] = await writeOutputs(out, whole);
  const summary = runProgress(whole.run, whole.jobs);
  progress.end();
  for (const job of whole.jobs.filter((job) => job.state === 'unsure'))
    progress.say(
      `job ${job.index + 1} (${job.firstId}…${job.lastId}) may have been sent and is not sent again: ${job.error ?? ''} Check the service, then run again with --send-again-unsure to send it.`,
    );
  for (const job of whole.jobs.filter((job) => job.state === 'refused' || job.state === 'expired'))
    progress.say(
      `job ${job.index + 1} (${job.firstId}…${job.lastId}) ${job.state}: ${job.error ?? ''}`,
    );
  progress.say(
    `${formatCount(summary.documentsDone - summary.documentsFailed)} classified, ${formatCount(summary.documentsFailed)} failed, ${formatCount(summary.documentsTotal - summary.documentsDone)} not finished. Wrote ${results} and ${runFile ?? 'the run file'}.`,
  );
  return code ?? exitCodeOf(summary);
}

/**
 * Waits for the runner to finish every job it can, carrying out on the command line what a person
 * does in the browser: Resume polling after a stall (a few times, then it is left for the next
 * run), and stopping on a refused key. Ctrl-C stops sending and waits for the POSTs on the wire.
 */
function drive(
  runner: RunRunner,
  jobs: () => readonly RunJob[],
  progress: Progress,
  sendAgainUnsure: boolean,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    const stalls = new Map<number, number>();
    const retrying = new Set<number>();
    let finished = false;
    let stopping = false;
    const finish = (code: number | undefined) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      resolve(code);
    };
    const interrupt = () => {
      if (stopping) return finish(EXIT.interrupted);
      stopping = true;
      progress.say(
        'Stopping: no new job is sent; waiting for the POSTs on the wire (Ctrl-C again to quit now).',
      );
      void runner.setPaused(true).then(check);
    };
    const check = () => {
      if (finished) return;
      const live = runner.getLive();
      const current = jobs();
      const summary = runProgress(runner.getRun(), current);
      const throttled = live.throttledUntil > Date.now();
      progress.update({
        done: summary.documentsDone,
        total: summary.documentsTotal,
        failed: summary.documentsFailed,
        note: throttled ? 'the service asked to wait (429)' : undefined,
      });
      if (live.authRefused) {
        progress.say(
          `The service refused the ${live.authRefused.scheme === 'bearer' ? 'token' : 'key'}: ${live.authRefused.message}`,
        );
        return finish(EXIT.usage);
      }
      for (const [index, error] of live.stalled) {
        if (retrying.has(index)) continue;
        const count = (stalls.get(index) ?? 0) + 1;
        stalls.set(index, count);
        const wait = stalledRetryDelay(count);
        if (wait === undefined) {
          progress.say(
            `Polling job ${index + 1} keeps failing (${error.message}); run the same command again later to resume it.`,
          );
          return finish(EXIT.failures);
        }
        retrying.add(index);
        setTimeout(() => {
          retrying.delete(index);
          void runner.resumePolling(index);
        }, wait);
      }
      if (stopping) {
        if (!current.some((job) => job.state === 'sending')) finish(EXIT.interrupted);
        return;
      }
      if (retrying.size === 0 && !current.some(isOpenJob)) finish(undefined);
    };
    const unsubscribe = runner.subscribe(check);
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    void (async () => {
      await runner.start();
      // Paused by an interrupted run of this command: this one goes on.
      if (runner.getRun().intent === 'paused') await runner.setPaused(false);
      if (sendAgainUnsure)
        for (const job of jobs()) if (job.state === 'unsure') await runner.sendAgain(job.index);
      check();
    })();
  });
}
