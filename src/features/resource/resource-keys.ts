import { ServiceError } from '../../service/errors';
import { retryDelay } from '../../service/polling';

// Apart from the queries, so that the QueryClient registers these defaults without loading the
// authoring client.

export type ResourceScope = readonly [endpoint: string, credential: number];

export const resourceKeys = {
  all: ['resource'] as const,
  resource: ([endpoint, credential]: ResourceScope) => ['resource', endpoint, credential] as const,
  projects: (scope: ResourceScope) => [...resourceKeys.resource(scope), 'projects'] as const,
  project: (scope: ResourceScope, projectName: string) =>
    [...resourceKeys.projects(scope), projectName] as const,
  deployments: (scope: ResourceScope, projectName: string) =>
    [...resourceKeys.project(scope, projectName), 'deployments'] as const,
  models: (scope: ResourceScope, projectName: string) =>
    [...resourceKeys.project(scope, projectName), 'models'] as const,
  evaluation: (scope: ResourceScope, projectName: string, modelLabel: string) =>
    [...resourceKeys.models(scope, projectName), modelLabel, 'evaluation'] as const,
};

/** Authoring GETs are limited to about 100 a minute: what was read stays fresh for minutes. */
const RESOURCE_STALE_MS = 5 * 60_000;

const MAX_RETRIES = 2;

/** Registered for resourceKeys.all; a refused key or a missing project is not worth another try. */
export const RESOURCE_QUERY_DEFAULTS = {
  staleTime: RESOURCE_STALE_MS,
  retry: (failureCount: number, error: Error) =>
    error instanceof ServiceError && error.isTransient && failureCount < MAX_RETRIES,
  retryDelay: (attempt: number, error: Error) =>
    retryDelay(attempt, error instanceof ServiceError ? error.retryAfterMs : undefined),
};
