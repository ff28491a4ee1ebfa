import { analysisInput, AUTO_LANGUAGE } from './analysis-input';
import type { ServiceRequest } from './http';
import { NO_FEATURES, type JobInput, type VersionFeatures } from './model';

/** The GA analyze-text API (2022-05-01 and later). */

export const GA_JOBS_PATH = '/language/analyze-text/jobs';
export const GA_PROJECTS_PATH = '/language/authoring/analyze-text/projects';

const TASK_KINDS = {
  single: 'CustomSingleLabelClassification',
  multi: 'CustomMultiLabelClassification',
} as const;

/**
 * Where the version detects languages, a document without a language of its own asks for it to be
 * detected (`language: "auto"`), and the form's language goes as `defaultLanguage`: the service
 * uses it for those documents when it cannot tell (authoring-contract.md B.1, Job input).
 * Elsewhere the form's language goes on every document, as it always did.
 */
function languageFields(input: JobInput, features: VersionFeatures) {
  const formLanguage = input.language.trim();
  if (!features.detectedLanguage || !features.defaultLanguage) {
    return { body: {}, input };
  }
  const detecting: JobInput = { ...input, language: AUTO_LANGUAGE };
  return {
    body:
      formLanguage && formLanguage.toLowerCase() !== AUTO_LANGUAGE
        ? { defaultLanguage: formLanguage }
        : {},
    input: detecting,
  };
}

/** The submit request of an analyze-text version with the features its profile row gives it. */
export function gaSubmitRequest(
  input: JobInput,
  features: VersionFeatures = NO_FEATURES,
): ServiceRequest {
  const language = languageFields(input, features);
  return {
    method: 'POST',
    url: `${input.endpoint}${GA_JOBS_PATH}?api-version=${input.apiVersion}`,
    body: {
      ...analysisInput(language.input),
      ...language.body,
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
