import type { JobPoll } from '../../../service/jobs';
import { durationSample } from './job-duration';
import { finishedJob } from './job-outcomes';
import type { RunJob } from '../store/run-model';
import { afterFinish } from './run-schedule';
import type { RunnerHost } from './runner-host';

/**
 * A finished job: shown at once (its results to the screen, its state in memory), stored just
 * after (FinishedWriter). From here on it is never polled again.
 */
export async function finishJob(host: RunnerHost, job: RunJob, poll: JobPoll): Promise<void> {
  const documents = await host.documents.of(job);
  if (host.isStopped()) return;
  const { patch, results } = finishedJob(poll, documents, host.clock.now());
  const sample = durationSample({ ...job, ...patch });
  if (sample) host.durations.add(sample);
  host.inFlight.delete(job.index);
  const finished = host.jobs.patch(job.index, patch) ?? { ...job, ...patch };
  host.feed.set({ concurrency: afterFinish(host.feed.get().concurrency) });
  host.feed.finished({ job: finished, results, documents });
  host.documents.release(job);
  host.storeFinished({ index: job.index, patch, results });
  host.pump();
}
