import { ServiceError } from './errors';
import { GA_PROJECTS_PATH } from './ga';
import { callService, type Credentials, type ServiceRequest } from './http';
import { projectFileSchema, type ProjectFile } from './project-file';

/**
 * The authoring writes of custom text classification (authoring-contract.md A.1–A.6), as requests.
 * Each one that starts a job is sent through submitAuthoringJob and followed with
 * followAuthoringJob; these builders only say what goes on the wire.
 */

interface Target {
  endpoint: string;
  /** The authoring api-version: 2023-04-01, or a preview's for the preview prediction versions. */
  authoringVersion: string;
  projectName: string;
}

const projectUrl = ({ endpoint, authoringVersion, projectName }: Target, path = '', query = '') =>
  `${endpoint}${GA_PROJECTS_PATH}/${encodeURIComponent(projectName)}${path}?api-version=${encodeURIComponent(authoringVersion)}${query}`;

/** Creates or updates a project's metadata (never its documents). */
export function patchProjectRequest(
  target: Target,
  metadata: ProjectFile['metadata'],
): ServiceRequest {
  return {
    method: 'PATCH',
    url: projectUrl(target),
    body: metadata,
    contentType: 'application/merge-patch+json',
  };
}

/** The working copy of the project, as a job whose `resultUrl` holds the project file. */
export function exportRequest(target: Target): ServiceRequest {
  return { method: 'POST', url: projectUrl(target, '/:export', '&stringIndexType=Utf16CodeUnit') };
}

/** Replaces the whole project with `project` (so it must be a merge of what the project held). */
export function importRequest(target: Target, project: ProjectFile): ServiceRequest {
  return { method: 'POST', url: projectUrl(target, '/:import'), body: project };
}

export type EvaluationChoice = { kind: 'percentage'; trainingPercent: number } | { kind: 'manual' };

export interface TrainOptions {
  modelLabel: string;
  trainingConfigVersion: string;
  evaluation: EvaluationChoice;
}

export function trainRequest(target: Target, options: TrainOptions): ServiceRequest {
  const { evaluation } = options;
  return {
    method: 'POST',
    url: projectUrl(target, '/:train'),
    body: {
      modelLabel: options.modelLabel,
      trainingConfigVersion: options.trainingConfigVersion,
      evaluationOptions:
        evaluation.kind === 'manual'
          ? { kind: 'manual' }
          : {
              kind: 'percentage',
              trainingSplitPercentage: evaluation.trainingPercent,
              testingSplitPercentage: 100 - evaluation.trainingPercent,
            },
    },
  };
}

/** `POST …/train/jobs/{jobId}/:cancel`, keeping the job URL's query (its api-version). */
export function cancelTrainingRequest(trainJobUrl: string): ServiceRequest {
  const url = new URL(trainJobUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/:cancel`;
  return { method: 'POST', url: url.href };
}

export function deployRequest(
  target: Target,
  deploymentName: string,
  trainedModelLabel: string,
): ServiceRequest {
  return {
    method: 'PUT',
    url: projectUrl(target, `/deployments/${encodeURIComponent(deploymentName)}`),
    body: { trainedModelLabel },
  };
}

export function swapRequest(target: Target, first: string, second: string): ServiceRequest {
  return {
    method: 'POST',
    url: projectUrl(target, '/deployments/:swap'),
    body: { firstDeploymentName: first, secondDeploymentName: second },
  };
}

/** Reads the exported project file from an export job's `resultUrl` (on the endpoint's origin). */
export async function readExportedProject(
  resultUrl: string,
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<ProjectFile> {
  const response = await callService({ method: 'GET', url: resultUrl }, credentials, signal);
  const parsed = projectFileSchema.safeParse(response.json);
  if (!parsed.success) {
    throw new ServiceError({
      kind: 'invalid-response',
      message: 'The export’s result is not a project file.',
    });
  }
  return parsed.data;
}
