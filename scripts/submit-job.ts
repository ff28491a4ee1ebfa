import { ServiceError } from '../src/service/errors';
import { submitJob } from '../src/service/jobs';
import type { JobInput } from '../src/service/model';
import { retryDelay } from '../src/service/polling';

export interface Submission {
  input: JobInput;
  key: string;
}

/**
 * How a job is sent. Only a 429 is retried: the service then accepted nothing, so sending again
 * can never create the job twice. Shared by the app and the reliability script.
 */
export const submitJobOptions = {
  mutationFn: async ({ input, key }: Submission) => {
    const submittedAt = Date.now();
    const jobUrl = await submitJob(input, key);
    return { jobUrl, submittedAt };
  },
  retry: (failureCount: number, error: Error) =>
    error instanceof ServiceError && error.status === 429 && failureCount < 3,
  retryDelay: (attempt: number, error: Error) =>
    retryDelay(attempt, error instanceof ServiceError ? error.retryAfterMs : undefined),
};
