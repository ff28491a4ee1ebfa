import { QueryClient } from '@tanstack/react-query';
import { RESOURCE_QUERY_DEFAULTS, resourceKeys } from '../features/resource/resource-keys';
import { deletionJobKeys } from '../features/project/deletion-keys';
import { JOB_POLL_DEFAULTS, jobKeys } from '../features/runs/engine/job-keys';
import { POLL_QUERY_DEFAULTS } from '../service/polling';

/**
 * One factory, so tests and scripts get a fresh client with the same defaults as the app. Retry
 * and freshness policies are registered here once per kind of query, not copied into each.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  client.setQueryDefaults(jobKeys.all, JOB_POLL_DEFAULTS);
  client.setQueryDefaults(deletionJobKeys.all, POLL_QUERY_DEFAULTS);
  client.setQueryDefaults(resourceKeys.all, RESOURCE_QUERY_DEFAULTS);
  return client;
}
