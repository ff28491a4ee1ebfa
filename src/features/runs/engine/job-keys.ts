import { ServiceError } from '../../../service/errors';
import { POLL_QUERY_DEFAULTS } from '../../../service/polling';

// Apart from the queries, so that the QueryClient registers these defaults without loading the
// service client.

/** The one key factory for service jobs; the key names the job, never the credentials. */
export const jobKeys = {
  all: ['job'] as const,
  detail: (jobUrl: string) => ['job', jobUrl] as const,
};

/**
 * How a job read is retried, registered once on the QueryClient: like every poll, except that a
 * 429 comes back to the runner at once, which learns the service's rate from it and waits.
 */
export const JOB_POLL_DEFAULTS = {
  ...POLL_QUERY_DEFAULTS,
  retry: (failureCount: number, error: Error) =>
    !(error instanceof ServiceError && error.status === 429) &&
    POLL_QUERY_DEFAULTS.retry(failureCount, error),
};
