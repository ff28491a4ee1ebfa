import { useMutation } from '@tanstack/react-query';
import { ServiceError } from '../../service/errors';
import { submitJob } from '../../service/jobs';
import type { JobInput } from '../../service/model';
import { retryDelay } from '../../service/polling';
import { useJobActions } from './job-store';

interface Submission {
  input: JobInput;
  key: string;
}

/** Sends a job and starts following it. Only a 429 is retried: the service then accepted nothing. */
export function useSubmitJob() {
  const { track } = useJobActions();
  return useMutation({
    mutationFn: async ({ input, key }: Submission) => {
      const submittedAt = Date.now();
      const jobUrl = await submitJob(input, key);
      return { jobUrl, submittedAt };
    },
    retry: (failureCount, error) =>
      error instanceof ServiceError && error.status === 429 && failureCount < 3,
    retryDelay: (attempt, error) =>
      retryDelay(attempt, error instanceof ServiceError ? error.retryAfterMs : undefined),
    onSuccess: ({ jobUrl, submittedAt }, { input }) =>
      track({
        jobUrl,
        submittedAt,
        endpoint: input.endpoint,
        documentIds: input.documents.map((document) => document.id),
      }),
  });
}
