import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Credentials } from '../../service/http';
import { fetchJob, type JobPoll } from '../../service/jobs';
import { jobKeys } from './job-keys';

export { JOB_POLL_DEFAULTS, jobKeys } from './job-keys';

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

/**
 * The last answer for a job, if this page has polled it: read from the query cache, never fetched
 * (fetching is the runner's, with the key; a view must not start a request of its own).
 */
export function useCachedJobPoll(jobUrl: string | undefined): JobPoll | undefined {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((listener: () => void) => cache.subscribe(listener), [cache]);
  return useSyncExternalStore(subscribe, () =>
    jobUrl ? queryClient.getQueryData<JobPoll>(jobKeys.detail(jobUrl)) : undefined,
  );
}
