import { BatchPanel } from '../features/jobs/batch-panel';
import { isOpen, statusOf } from '../features/jobs/batch-progress';
import type { Batch } from '../features/jobs/batch-store';
import { useBatchPolls } from '../features/jobs/use-batch-polls';
import { ResultsView } from '../features/results/results-view';
import type { Credentials } from '../service/http';

interface BatchSectionProps {
  batch: Batch;
  credentials: Credentials | undefined;
  labels: Map<string, string> | undefined;
}

/** A batch of jobs and the results of every finished job, readable and exportable as they come. */
export function BatchSection({ batch, credentials, labels }: BatchSectionProps) {
  const polls = useBatchPolls(batch, credentials);
  const jobIds = [...polls.byUrl.values()].flatMap((poll) =>
    poll.data ? [poll.data.snapshot.jobId] : [],
  );
  const finished = !batch.jobs.some((job) =>
    isOpen(statusOf(job, job.jobUrl ? polls.byUrl.get(job.jobUrl) : undefined)),
  );
  return (
    <>
      <BatchPanel batch={batch} polls={polls} />
      {polls.documents.length > 0 ? (
        <ResultsView
          documents={polls.documents}
          raw={polls.raw}
          finished={finished}
          {...(labels ? { labels } : {})}
          meta={{ jobIds, endpoint: batch.endpoint }}
        />
      ) : null}
    </>
  );
}
