import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { JobPoll } from '../../../service/jobs';
import { jobKeys } from '../engine/job-keys';

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
