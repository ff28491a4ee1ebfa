import { queryOptions } from '@tanstack/react-query';
import type { Credentials } from '../../../service/http';
import { fetchJob } from '../../../service/jobs';
import { jobKeys } from './job-keys';

/**
 * One read of a job (every results page once it is done). When to read it again is the run
 * runner's decision (`predictivePollDelay` in job-duration.ts); retries are registered once on the QueryClient.
 */
export function jobPollOptions(jobUrl: string, credentials: Credentials) {
  // The key identifies the job; the credentials stay out of it so the key is never cached or logged.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: jobKeys.detail(jobUrl),
    queryFn: ({ signal }) => fetchJob(jobUrl, credentials, signal),
    staleTime: 0,
  });
}
