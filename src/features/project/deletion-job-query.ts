import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Credentials } from '../../service/http';
import { fetchDeletionJob, nextDeletionPollDelay } from '../../service/project-deletion';
import { deletionJobKeys } from './deletion-keys';

export { deletionJobKeys } from './deletion-keys';

interface DeletionToFollow {
  jobUrl: string;
  acceptedAt: number;
  /** Those the DELETE went out with: the job lives on that endpoint. */
  credentials: Credentials;
}

/** Polls a deletion job until it succeeds or fails; nothing is fetched until there is one. */
export function deletionJobQueryOptions(deletion: DeletionToFollow | undefined) {
  // The job URL identifies the job; the key stays out of the query key, so it is never cached.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: deletionJobKeys.detail(deletion?.jobUrl),
    queryFn: deletion
      ? ({ signal }) => fetchDeletionJob(deletion.jobUrl, deletion.credentials, signal)
      : skipToken,
    refetchInterval: (query) => {
      const poll = query.state.data;
      if (!deletion || query.state.status === 'error') return false;
      if (poll && poll.job.phase !== 'running') return false;
      return nextDeletionPollDelay(Date.now() - deletion.acceptedAt, poll?.retryAfterMs);
    },
  });
}
