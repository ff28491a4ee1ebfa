import { analysisInput } from './analysis-input';
import type { ServiceRequest } from './http';
import type { JobInput } from './model';

/** The preview API (v3.1-preview.ct.1), where a model is chosen by its model ID. */

const TASK_LISTS = {
  single: 'customClassificationTasks',
  multi: 'customMultiClassificationTasks',
} as const;

/** Where jobs of a preview version are submitted; a job lives at `…/analyze/jobs/{jobId}`. */
export function previewJobsPath(apiVersion: string): string {
  return `/text/analytics/${apiVersion}/analyze`;
}

/** The preview authoring projects; the version is in the path, not in `api-version`. */
export function previewProjectsPath(authoringVersion: string): string {
  return `/language/text/authoring/${authoringVersion}/projects`;
}

export function previewSubmitRequest(input: JobInput): ServiceRequest {
  return {
    method: 'POST',
    url: `${input.endpoint}${previewJobsPath(input.apiVersion)}`,
    body: {
      ...analysisInput(input),
      tasks: {
        [TASK_LISTS[input.labelMode]]: [
          { parameters: { modelId: input.modelId, stringIndexType: 'TextElements_v8' } },
        ],
      },
    },
  };
}

export function previewDeleteProjectRequest(
  endpoint: string,
  projectName: string,
  authoringVersion: string,
): ServiceRequest {
  return {
    method: 'DELETE',
    url: `${endpoint}${previewProjectsPath(authoringVersion)}/${encodeURIComponent(projectName)}`,
  };
}
