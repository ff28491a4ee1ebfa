import { canCancel } from '../../../service/api-profiles';
import type { RunJob } from '../store/run-model';
import type { RunnerHost } from './runner-host';

/** Jobs the service accepted are cancelled there too: GA jobs only (the preview API has none). */
export async function cancelOnService(host: RunnerHost, jobs: RunJob[]): Promise<void> {
  const key = host.keys.current();
  const { settings } = host.run();
  if (!key || !canCancel(settings.apiVersion)) return;
  const credentials = { endpoint: settings.endpoint, ...key };
  await Promise.allSettled(
    jobs.flatMap((job) => (job.jobUrl ? [host.service.cancel(job.jobUrl, credentials)] : [])),
  );
}

/** A run cancelled: its queued jobs are dropped, its sent ones cancelled on the service. */
export async function cancelJobs(host: RunnerHost): Promise<void> {
  for (const job of [...host.jobs.values()]) {
    if (job.state === 'queued') await host.save(job.index, { state: 'cancelled' });
  }
  await cancelOnService(
    host,
    [...host.jobs.values()].filter((job) => job.state === 'sent'),
  );
}
