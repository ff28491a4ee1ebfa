import type { QueryClient } from '@tanstack/react-query';
import { resourceKeys } from '../features/resource/resource-keys';

/**
 * After a project deletion on `endpoint`, everything read from that resource (projects,
 * deployments, models, with any key) is stale: the pickers read it again rather than offer the
 * deleted project.
 */
export function forgetResourceReads(client: QueryClient, endpoint: string): Promise<void> {
  return client.invalidateQueries({
    queryKey: resourceKeys.all,
    predicate: ({ queryKey }) => queryKey[1] === endpoint,
  });
}
