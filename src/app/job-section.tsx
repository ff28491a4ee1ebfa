import { useQuery } from '@tanstack/react-query';
import { jobQueryOptions } from '../features/jobs/job-query';
import { JobPanel } from '../features/jobs/job-panel';
import type { TrackedJob } from '../features/jobs/job-store';
import { ResultsView } from '../features/results/results-view';
import type { Credentials } from '../service/http';
import { isFinished } from '../service/model';

interface JobSectionProps {
  job: TrackedJob;
  credentials: Credentials | undefined;
  labels: Map<string, string> | undefined;
}

/** Follows the tracked job with the current key, as long as the endpoint is still the job's own. */
export function JobSection({ job, credentials, labels }: JobSectionProps) {
  const canFollow = credentials?.endpoint === job.endpoint;
  const query = useQuery({
    ...jobQueryOptions(job.jobUrl, job.submittedAt, {
      endpoint: job.endpoint,
      key: canFollow ? credentials.key : '',
    }),
    enabled: canFollow,
  });
  return (
    <>
      <JobPanel
        jobUrl={job.jobUrl}
        query={query}
        waitingFor={canFollow ? undefined : job.endpoint}
      />
      {query.data ? (
        <ResultsView
          documents={query.data.snapshot.documents}
          raw={query.data.raw}
          finished={isFinished(query.data.snapshot.phase)}
          {...(labels ? { labels } : {})}
          meta={{ jobIds: [query.data.snapshot.jobId], endpoint: job.endpoint }}
        />
      ) : null}
    </>
  );
}
