import { useMutation } from '@tanstack/react-query';
import { ServiceError } from '../../service/errors';
import type { Credentials } from '../../service/http';
import type { ApiVersion } from '../../service/model';
import { retryDelay } from '../../service/polling';
import { requestProjectDeletion } from '../../service/project-deletion';

interface DeletionRequest {
  credentials: Credentials;
  apiVersion: ApiVersion;
  projectName: string;
}

/** Sends the DELETE once. Only a 429 is retried: the service then deleted nothing. */
export function useDeleteProject() {
  return useMutation({
    mutationFn: async ({ credentials, apiVersion, projectName }: DeletionRequest) => ({
      ...(await requestProjectDeletion(credentials, apiVersion, projectName)),
      acceptedAt: Date.now(),
    }),
    retry: (failureCount, error) =>
      error instanceof ServiceError && error.status === 429 && failureCount < 3,
    retryDelay: (attempt, error) =>
      retryDelay(attempt, error instanceof ServiceError ? error.retryAfterMs : undefined),
  });
}
