import { DEMO_ENDPOINT } from '../../../demo/demo-settings';
import { ServiceError } from '../../../service/errors';
import { afterSendError, describeError, jobInput, storableFailure } from './job-outcomes';
import type { RunnerHost } from './runner-host';
import type { RunSecret } from './run-service';

/** Back to the queue in memory: nothing was stored as on its way, nothing left. */
function unclaim(host: RunnerHost, index: number): void {
  host.inFlight.delete(index);
  host.jobs.patch(index, { state: 'queued' });
}

/**
 * Sends one queued job: waits for the pacing, stores it as possibly sent, POSTs it, stores its
 * URL. Every way this can end is decided by afterSendError (job-outcomes.ts).
 */
export async function sendJob(host: RunnerHost, index: number, key: RunSecret): Promise<void> {
  const job = host.jobs.get(index);
  if (!job) return;
  host.inFlight.add(index);
  // Claimed in memory only while it waits for pacing: a reload then finds it queued, not unsure.
  host.jobs.patch(index, { state: 'sending' });
  try {
    const documents = await host.documentsOf(job);
    // The run was deleted (in another tab, say): nothing of it is sent any more.
    if (documents.length === 0 && job.documentIndexes.length > 0) return host.stop();
    await host.gate.pass(host.isStopped);
    if (host.isStopped()) return;
    const { intent, settings } = host.run();
    if (intent !== 'run') {
      // Paused or cancelled while it waited: nothing left.
      host.inFlight.delete(index);
      await host.save(index, { state: intent === 'cancelled' ? 'cancelled' : 'queued' });
      return;
    }
    if (host.page.isLeaving()) return unclaim(host, index);
    // Stored before the POST leaves: a reload from here on finds the job `sending`, so `unsure`.
    // Not stored (storage full), it is not sent either, or a reload could send it twice.
    const marked = await host.save(index, { state: 'sending', error: undefined });
    if (marked === 'gone') return host.stop();
    if (marked === 'full') return unclaim(host, index);
    if (host.isStopped()) return;
    if (host.page.isLeaving()) {
      unclaim(host, index);
      await host.save(index, { state: 'queued' });
      return;
    }
    const submittedAt = host.clock.now();
    const jobUrl = await host.service.submit(jobInput(settings, documents), key);
    // The job URL first, in one small write: a reload from now on polls the job, never asks.
    // Not stored (storage full), the job is still polled from memory.
    await host.save(index, { state: 'sent', jobUrl, submittedAt });
    // Cancelled while the POST was on its way: the service accepted it, so cancel it there too.
    if (host.run().intent === 'cancelled') void host.cancelOnService([{ ...job, jobUrl }]);
    host.accepted(job, submittedAt);
  } catch (error) {
    host.inFlight.delete(index);
    if (host.isStopped()) return;
    await sendFailed(host, index, key, error);
    host.pump();
  }
}

async function sendFailed(
  host: RunnerHost,
  index: number,
  key: RunSecret,
  error: unknown,
): Promise<void> {
  const outcome = afterSendError(error, {
    leaving: host.page.isLeaving(),
    demo: host.run().settings.endpoint === DEMO_ENDPOINT,
  });
  switch (outcome.kind) {
    case 'auth-refused':
      if (error instanceof ServiceError) host.authRefused(error, key);
      await host.save(index, { state: 'queued' });
      return;
    case 'throttled':
      host.throttle(outcome.waitMs);
      await host.save(index, { state: 'queued' });
      return host.schedulePump(host.gate.waitLeft());
    case 'not-sent':
      await host.save(index, { state: 'queued' });
      return;
    case 'unsure':
    case 'refused':
      await host.save(index, {
        state: outcome.kind,
        error: describeError(error),
        failure: storableFailure(error),
      });
  }
}
