/* eslint-disable @tanstack/query/exhaustive-deps -- the key or token never goes into a query key; the endpoint does. */
import { queryOptions } from '@tanstack/react-query';
import {
  evaluationSummary,
  listDeployments,
  listModels,
  listTrainingConfigVersions,
  type ClassificationProjectKind,
} from '../../service/authoring';
import type { Credentials } from '../../service/http';

/**
 * The authoring reads the region needs. Keys name the endpoint and project, never the secret;
 * the flow invalidates `improveKeys.project` when a job of its own changed the project.
 */
export const improveKeys = {
  all: ['improve'] as const,
  project: (endpoint: string, projectName: string) => ['improve', endpoint, projectName] as const,
};

const FRESH_MS = 60_000;

export function deploymentsQuery(credentials: Credentials, projectName: string) {
  return queryOptions({
    queryKey: [...improveKeys.project(credentials.endpoint, projectName), 'deployments'],
    queryFn: ({ signal }) => listDeployments(credentials, projectName, signal),
    staleTime: FRESH_MS,
  });
}

export function modelsQuery(credentials: Credentials, projectName: string) {
  return queryOptions({
    queryKey: [...improveKeys.project(credentials.endpoint, projectName), 'models'],
    queryFn: ({ signal }) => listModels(credentials, projectName, signal),
    staleTime: FRESH_MS,
  });
}

export function evaluationQuery(credentials: Credentials, projectName: string, modelLabel: string) {
  return queryOptions({
    queryKey: [...improveKeys.project(credentials.endpoint, projectName), 'evaluation', modelLabel],
    queryFn: ({ signal }) => evaluationSummary(credentials, projectName, modelLabel, signal),
    staleTime: Infinity,
  });
}

export function trainingConfigVersionsQuery(
  credentials: Credentials,
  projectKind: ClassificationProjectKind,
  authoringVersion: string,
) {
  return queryOptions({
    queryKey: [
      'improve',
      credentials.endpoint,
      'training-config-versions',
      projectKind,
      authoringVersion,
    ],
    queryFn: ({ signal }) =>
      listTrainingConfigVersions(credentials, projectKind, authoringVersion, signal),
    staleTime: 10 * FRESH_MS,
  });
}
