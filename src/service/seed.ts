import { analysisInput } from './analysis-input';
import type { ServiceRequest } from './http';
import { SEED_API_VERSION, type JobInput } from './model';

/** The seed's preview API (v3.1-preview.ct.1), where a model is chosen by its model ID. */

const TASK_LISTS = {
  single: 'customClassificationTasks',
  multi: 'customMultiClassificationTasks',
} as const;

export function seedSubmitRequest(input: JobInput): ServiceRequest {
  return {
    method: 'POST',
    url: `${input.endpoint}/text/analytics/${SEED_API_VERSION}/analyze`,
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

export function seedDeleteProjectRequest(endpoint: string, projectName: string): ServiceRequest {
  return {
    method: 'DELETE',
    url: `${endpoint}/language/text/authoring/v1.0-preview.2/projects/${encodeURIComponent(projectName)}`,
  };
}
