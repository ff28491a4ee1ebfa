import { gaCancelRequest, gaDeleteProjectRequest, gaSubmitRequest } from './ga';
import type { ServiceRequest } from './http';
import type { JobInput, ModelChoice } from './model';
import { previewDeleteProjectRequest, previewSubmitRequest } from './preview';

/**
 * Everything that differs between API versions, one row per version. The client, the connection
 * form, the demo service and their tests read these rows; adding a version is adding a row.
 */

export const API_GENERATIONS = ['ga', 'preview'] as const;
/** `ga`: analyze-text (2022-05-01 and later); `preview`: the v3.1 custom classification preview. */
export type ApiGeneration = (typeof API_GENERATIONS)[number];

/** The form fields that name a model. */
export type ModelField = 'projectName' | 'deploymentName' | 'modelId';

export interface ModelNaming {
  /** `deployment`: a project and one of its deployments; `model-id`: a model ID. */
  kind: 'deployment' | 'model-id';
  /**
   * The model fields the form shows, in order. A required field must be filled to submit; an
   * optional one serves something else (the preview's project name is used only to delete it).
   */
  fields: readonly { name: ModelField; required: boolean }[];
}

export interface ProjectDeletionProfile {
  /** The authoring API version of the DELETE and of its deletion job. */
  authoringVersion: string;
  /**
   * `deletion-job`: 202 with the deletion job in `operation-location` (GA), so a missing one is a
   * hidden header; `any-2xx`: undocumented, any 2xx is accepted and a job URL followed if given.
   */
  answer: 'deletion-job' | 'any-2xx';
  request(endpoint: string, projectName: string): ServiceRequest;
}

interface ProfileRow<V extends string> {
  version: V;
  /** Shown in the API version picker. */
  label: string;
  generation: ApiGeneration;
  model: ModelNaming;
  submitRequest(input: JobInput): ServiceRequest;
  /** How a sent job is cancelled, or undefined where the API has no cancel. */
  cancel: { request(jobUrl: string): ServiceRequest } | undefined;
  deletion: ProjectDeletionProfile;
}

const BY_DEPLOYMENT: ModelNaming = {
  kind: 'deployment',
  fields: [
    { name: 'projectName', required: true },
    { name: 'deploymentName', required: true },
  ],
};

const BY_MODEL_ID: ModelNaming = {
  kind: 'model-id',
  fields: [
    { name: 'projectName', required: false },
    { name: 'modelId', required: true },
  ],
};

/** A GA version; `authoringVersion` because not every prediction version has an authoring one. */
function ga<V extends string>(version: V, label: string, authoringVersion: string): ProfileRow<V> {
  return {
    version,
    label,
    generation: 'ga',
    model: BY_DEPLOYMENT,
    submitRequest: gaSubmitRequest,
    cancel: { request: gaCancelRequest },
    deletion: {
      authoringVersion,
      answer: 'deletion-job',
      request: (endpoint, projectName) =>
        gaDeleteProjectRequest(endpoint, projectName, authoringVersion),
    },
  };
}

function preview<V extends string>(
  version: V,
  label: string,
  authoringVersion: string,
): ProfileRow<V> {
  return {
    version,
    label,
    generation: 'preview',
    model: BY_MODEL_ID,
    submitRequest: previewSubmitRequest,
    cancel: undefined,
    deletion: {
      authoringVersion,
      answer: 'any-2xx',
      request: (endpoint, projectName) =>
        previewDeleteProjectRequest(endpoint, projectName, authoringVersion),
    },
  };
}

export const PREVIEW_API_VERSION = 'v3.1-preview.ct.1';

/** In the picker's order; the first is the default. There is no 2024-11-01 authoring version. */
const ROWS = [
  ga('2023-04-01', '2023-04-01 (GA, default)', '2023-04-01'),
  ga('2022-05-01', '2022-05-01 (GA)', '2022-05-01'),
  ga('2024-11-01', '2024-11-01 (GA)', '2023-04-01'),
  preview(PREVIEW_API_VERSION, `${PREVIEW_API_VERSION} (preview, model ID)`, 'v1.0-preview.2'),
] as const;

export type ApiVersion = (typeof ROWS)[number]['version'];
export type ApiProfile = ProfileRow<ApiVersion>;

/** Every profile, in the picker's order. */
export const API_PROFILES: readonly ApiProfile[] = ROWS;
export const API_VERSIONS: readonly ApiVersion[] = ROWS.map((row) => row.version);
export const DEFAULT_API_VERSION: ApiVersion = ROWS[0].version;

const BY_VERSION = new Map<string, ApiProfile>(ROWS.map((row) => [row.version, row]));

export function isApiVersion(value: string): value is ApiVersion {
  return BY_VERSION.has(value);
}

/**
 * The profile of a version. A version no row knows (settings stored by another build) is treated
 * as GA, with its own api-version still sent, as the app always did.
 */
export function profileOf(version: ApiVersion): ApiProfile {
  return BY_VERSION.get(version) ?? ga(version, version, '2023-04-01');
}

/** The profiles of one generation, in the picker's order. */
export function profilesOf(generation: ApiGeneration): ApiProfile[] {
  return API_PROFILES.filter((profile) => profile.generation === generation);
}

/** Whether a sent job of this version can be cancelled on the service. */
export function canCancel(version: ApiVersion): boolean {
  return profileOf(version).cancel !== undefined;
}

/** The model as people name it: `Project / deployment`, or the model ID. */
export function modelNameOf(
  choice: Pick<ModelChoice, 'apiVersion' | 'projectName' | 'deploymentName' | 'modelId'>,
): string {
  return profileOf(choice.apiVersion).model.kind === 'model-id'
    ? choice.modelId
    : `${choice.projectName} / ${choice.deploymentName}`;
}
