import { queryOptions } from '@tanstack/react-query';
import {
  evaluationSummary,
  listDeployments,
  listModels,
  listProjects,
} from '../../service/authoring';
import type { Credentials } from '../../service/http';
import { RESOURCE_QUERY_DEFAULTS, resourceKeys, type ResourceScope } from './resource-keys';

/**
 * What the resource holds, read through the authoring API. Keys name the endpoint and a number
 * standing for the secret (credentialTag), never the secret: a new key or token reads afresh, and
 * nothing secret is cached, logged or shown by the devtools.
 */

const secretTags = new Map<string, number>();
let nextTag = 1;
const MAX_TAGS = 20;

/** A number for a secret, the same for the same secret while the page lives. */
export function credentialTag(credentials: Pick<Credentials, 'key' | 'scheme'>): number {
  const id = `${credentials.scheme ?? 'key'} ${credentials.key}`;
  let tag = secretTags.get(id);
  if (tag === undefined) {
    if (secretTags.size >= MAX_TAGS) secretTags.clear();
    tag = nextTag++;
    secretTags.set(id, tag);
  }
  return tag;
}

const scopeOf = (credentials: Credentials): ResourceScope => [
  credentials.endpoint,
  credentialTag(credentials),
];

// The credentials stay out of every key below on purpose: see resourceKeys.
export function projectsQuery(credentials: Credentials) {
  return queryOptions({
    queryKey: resourceKeys.projects(scopeOf(credentials)),
    queryFn: ({ signal }) => listProjects(credentials, signal),
    ...RESOURCE_QUERY_DEFAULTS,
  });
}

export function deploymentsQuery(credentials: Credentials, projectName: string) {
  return queryOptions({
    queryKey: resourceKeys.deployments(scopeOf(credentials), projectName),
    queryFn: ({ signal }) => listDeployments(credentials, projectName, signal),
    ...RESOURCE_QUERY_DEFAULTS,
  });
}

export function modelsQuery(credentials: Credentials, projectName: string) {
  return queryOptions({
    queryKey: resourceKeys.models(scopeOf(credentials), projectName),
    queryFn: ({ signal }) => listModels(credentials, projectName, signal),
    ...RESOURCE_QUERY_DEFAULTS,
  });
}

export function evaluationQuery(credentials: Credentials, projectName: string, modelLabel: string) {
  return queryOptions({
    queryKey: resourceKeys.evaluation(scopeOf(credentials), projectName, modelLabel),
    queryFn: ({ signal }) => evaluationSummary(credentials, projectName, modelLabel, signal),
    ...RESOURCE_QUERY_DEFAULTS,
  });
}

/** The scope a Refresh action invalidates: everything read from this resource with this secret. */
export function resourceScopeKey(credentials: Credentials) {
  return resourceKeys.resource(scopeOf(credentials));
}
