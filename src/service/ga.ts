import { analysisInput } from './analysis-input';
import type { ServiceRequest } from './http';
import type { JobInput } from './model';

/** The GA analyze-text API (2022-05-01 and later). */

const TASK_KINDS = {
  single: 'CustomSingleLabelClassification',
  multi: 'CustomMultiLabelClassification',
} as const;

/** Authoring exists only in these versions; 2024-11-01 prediction pairs with 2023-04-01 authoring. */
const AUTHORING_VERSIONS = new Set(['2023-04-01', '2022-05-01']);

export function gaSubmitRequest(input: JobInput): ServiceRequest {
  return {
    method: 'POST',
    url: `${input.endpoint}/language/analyze-text/jobs?api-version=${input.apiVersion}`,
    body: {
      ...analysisInput(input),
      tasks: [
        {
          kind: TASK_KINDS[input.labelMode],
          taskName: 'classify',
          parameters: { projectName: input.projectName, deploymentName: input.deploymentName },
        },
      ],
    },
  };
}

export function gaAuthoringVersion(apiVersion: string): string {
  return AUTHORING_VERSIONS.has(apiVersion) ? apiVersion : '2023-04-01';
}

export function gaDeleteProjectRequest(
  endpoint: string,
  projectName: string,
  apiVersion: string,
): ServiceRequest {
  return {
    method: 'DELETE',
    url: `${endpoint}/language/authoring/analyze-text/projects/${encodeURIComponent(projectName)}?api-version=${gaAuthoringVersion(apiVersion)}`,
  };
}
