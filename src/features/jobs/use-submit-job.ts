import { useMutation } from '@tanstack/react-query';
import { useJobActions } from './job-store';
import { submitJobOptions } from './submit-options';

/** Sends a job and starts following it. */
export function useSubmitJob() {
  const { track } = useJobActions();
  return useMutation({
    ...submitJobOptions,
    onSuccess: ({ jobUrl, submittedAt }, { input }) =>
      track({
        jobUrl,
        submittedAt,
        endpoint: input.endpoint,
        documentIds: input.documents.map((document) => document.id),
      }),
  });
}
