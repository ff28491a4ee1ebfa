import { analysisInput } from './analysis-input';
import type { ServiceRequest } from './http';
import type { JobInput } from './model';

/** The GA analyze-text API (2022-05-01 and later). */

export const GA_JOBS_PATH = '/language/analyze-text/jobs';
export const GA_PROJECTS_PATH = '/language/authoring/analyze-text/projects';

const TASK_KINDS = {
  single: 'CustomSingleLabelClassification',
  multi: 'CustomMultiLabelClassification',
} as const;

export function gaSubmitRequest(input: JobInput): ServiceRequest {
  return {
    method: 'POST',
    url: `${input.endpoint}${GA_JOBS_PATH}?api-version=${input.apiVersion}`,
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

/** `POST …/jobs/{jobId}:cancel`, keeping the job URL's query (its api-version). */
export function gaCancelRequest(jobUrl: string): ServiceRequest {
  const url = new URL(jobUrl);
  url.pathname = `${url.pathname}:cancel`;
  return { method: 'POST', url: url.href };
}

export function gaDeleteProjectRequest(
  endpoint: string,
  projectName: string,
  authoringVersion: string,
): ServiceRequest {
  return {
    method: 'DELETE',
    url: `${endpoint}${GA_PROJECTS_PATH}/${encodeURIComponent(projectName)}?api-version=${authoringVersion}`,
  };
}
