import { gaCancelRequest, gaDeleteProjectRequest, gaSubmitRequest } from './ga';
import type { ServiceRequest } from './http';
import {
  NO_FEATURES,
  type JobInput,
  type ModelChoice,
  type ServiceProblem,
  type VersionFeatures,
} from './model';
import { previewDeleteProjectRequest, previewSubmitRequest } from './preview';
import { API_VERSIONS, PREVIEW_API_VERSION, type ApiVersion } from './api-versions';

export { API_VERSIONS, PREVIEW_API_VERSION, type ApiVersion };

/**
 * Everything that differs between API versions, one row per version. The client, the connection
 * form, the demo service and their tests read these rows; adding a version is adding its name to
 * api-versions.ts and its row here (a test holds the two lists equal).
 */

export const API_GENERATIONS = ['ga', 'preview'] as const;
/** `ga`: analyze-text (2022-05-01 and later); `preview`: the v3.1 custom classification preview. */
export type ApiGeneration = (typeof API_GENERATIONS)[number];

/** The form fields that name a model. */
export type ModelField = 'projectName' | 'deploymentName' | 'modelId';

interface ModelNaming {
  /** `deployment`: a project and one of its deployments; `model-id`: a model ID. */
  kind: 'deployment' | 'model-id';
  /**
   * The model fields the form shows, in order. A required field must be filled to submit; an
   * optional one serves something else (the preview's project name is used only to delete it).
   */
  fields: readonly { name: ModelField; required: boolean }[];
}

interface ProjectDeletionProfile {
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
  /** `preview`: a preview release, which the service may withdraw or not offer on every resource. */
  stability: 'stable' | 'preview';
  /** What this version adds, in words, for the picker's description and the README's table. */
  adds: string;
  features: VersionFeatures;
  /**
   * The version to fall back to in one click when a resource does not offer this one: the one
   * before it in release order, of the same generation; undefined for the oldest.
   */
  previous: string | undefined;
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

interface RowFacts {
  /** The authoring API version this prediction version reads and deletes through. */
  authoringVersion: string;
  previous: string | undefined;
  adds: string;
  features?: VersionFeatures;
}

const isPreviewRelease = (version: string) => version.endsWith('-preview');

/**
 * An analyze-text version (2022-05-01 and later, its previews included); `authoringVersion`
 * because not every prediction version has an authoring one of the same date.
 */
function ga<V extends string>(version: V, label: string, facts: RowFacts): ProfileRow<V> {
  const { authoringVersion } = facts;
  return {
    version,
    label,
    generation: 'ga',
    stability: isPreviewRelease(version) ? 'preview' : 'stable',
    adds: facts.adds,
    features: facts.features ?? NO_FEATURES,
    previous: facts.previous,
    model: BY_DEPLOYMENT,
    submitRequest: (input) => gaSubmitRequest(input, facts.features ?? NO_FEATURES),
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
    stability: 'preview',
    adds: 'The 2021 preview: a model is named by its model ID.',
    features: NO_FEATURES,
    previous: undefined,
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

/** Every detail a 2024-11-15-preview or later preview adds (authoring-contract.md B.1). */
const DETECTS: VersionFeatures = {
  detectedLanguage: true,
  defaultLanguage: true,
  cancelAfter: false,
};
const DETECTS_CANCELS: VersionFeatures = { ...DETECTS, cancelAfter: true };

/**
 * In the picker's order: stable versions newest first, then the previews newest first. The
 * default is the newest stable version the public REST reference lists (2024-11-01); 2025-11-01
 * is in the specification but not yet in that reference, so it is offered, not defaulted to.
 * Authoring has 2022-05-01, 2023-04-01, 2024-11-15-preview and 2025-05-15-preview only: a
 * stable prediction version reads through the newest stable authoring version of its time, a
 * preview through the newest preview authoring version of its time.
 */
const ROWS = [
  ga('2025-11-01', '2025-11-01', {
    authoringVersion: '2023-04-01',
    previous: '2024-11-01',
    adds: 'The newest GA version in the specification; for classification the same as 2024-11-01.',
  }),
  ga('2024-11-01', '2024-11-01 (default)', {
    authoringVersion: '2023-04-01',
    previous: '2023-04-01',
    adds: 'The newest GA version in the public REST reference. No authoring version of its own.',
  }),
  ga('2023-04-01', '2023-04-01', {
    authoringVersion: '2023-04-01',
    previous: '2022-05-01',
    adds: 'The official JavaScript SDK’s version.',
  }),
  ga('2022-05-01', '2022-05-01', {
    authoringVersion: '2022-05-01',
    previous: undefined,
    adds: 'The first GA version of custom text classification.',
  }),
  ga('2025-11-15-preview', '2025-11-15-preview (preview)', {
    authoringVersion: '2025-05-15-preview',
    previous: '2025-11-01',
    adds: 'Detected language on each document, defaultLanguage and cancelAfter.',
    features: DETECTS_CANCELS,
  }),
  ga('2025-05-15-preview', '2025-05-15-preview (preview)', {
    authoringVersion: '2025-05-15-preview',
    previous: '2024-11-15-preview',
    adds: 'Detected language, defaultLanguage, and cancelAfter (a job cancels itself after N seconds).',
    features: DETECTS_CANCELS,
  }),
  ga('2024-11-15-preview', '2024-11-15-preview (preview)', {
    authoringVersion: '2024-11-15-preview',
    previous: '2024-11-01',
    adds: 'Detected language on each document and defaultLanguage; project settings with the confidence threshold.',
    features: DETECTS,
  }),
  preview(PREVIEW_API_VERSION, `${PREVIEW_API_VERSION} (2021 preview, model ID)`, 'v1.0-preview.2'),
] as const satisfies readonly ProfileRow<ApiVersion>[];

export type ApiProfile = ProfileRow<ApiVersion>;

/** Every profile, in the picker's order. */
export const API_PROFILES: readonly ApiProfile[] = ROWS;
export const DEFAULT_API_VERSION: ApiVersion = '2024-11-01';

const BY_VERSION = new Map<string, ApiProfile>(ROWS.map((row) => [row.version, row]));

export function isApiVersion(value: string): value is ApiVersion {
  return BY_VERSION.has(value);
}

/**
 * The profile of a version. A version no row knows (settings stored by another build) is treated
 * as GA, with its own api-version still sent, as the app always did.
 */
export function profileOf(version: ApiVersion): ApiProfile {
  return (
    BY_VERSION.get(version) ??
    ga(version, version, {
      authoringVersion: '2023-04-01',
      previous: fallbackForUnknown(version),
      adds: 'A version this app does not know.',
    })
  );
}

/** For a version no row knows: the newest stable one released before it, else the default. */
function fallbackForUnknown(version: string): ApiVersion {
  const older = profilesOf('ga')
    .filter((profile) => profile.stability === 'stable' && profile.version < version)
    .map((profile) => profile.version)
    .sort()
    .at(-1);
  return older ?? DEFAULT_API_VERSION;
}

/**
 * The version to offer in one click when the resource does not offer this one, or undefined when
 * there is none to go back to.
 */
export function previousVersionOf(version: ApiVersion): ApiVersion | undefined {
  const previous = profileOf(version).previous;
  return previous !== undefined && isApiVersion(previous) ? previous : undefined;
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

/** What a failure is judged on: the HTTP status and the service's error, as stored with a job. */
interface VersionFailure {
  status?: number | undefined;
  problem?: Pick<ServiceProblem, 'code' | 'message' | 'innerCode' | 'innerMessage'> | undefined;
}

const API_VERSION_CODE = /UnsupportedApiVersion|InvalidApiVersion|ApiVersion(Not|Un)/i;
const API_VERSION_WORDS = /api[- ]?version/i;
const REFUSAL_WORDS = /not supported|unsupported|invalid|not (found|available|valid)/i;

/**
 * Whether the service said it does not offer the api-version it was called with. The Language
 * service answers a version it does not know like any unknown address, 404 `Resource not found`
 * with the code "404" (service-contract.md, Errors); Azure's common error for it is
 * `UnsupportedApiVersion`, and some gateways say so in words. A 404 that names a project, a
 * deployment or a job (`ProjectNotFound`, `NotFound`) is about that, not about the version.
 */
export function isVersionUnavailable({ status, problem }: VersionFailure): boolean {
  if (!problem) return false;
  const codes = `${problem.code} ${problem.innerCode ?? ''}`;
  if (API_VERSION_CODE.test(codes)) return true;
  const words = `${problem.message} ${problem.innerMessage ?? ''}`;
  if (API_VERSION_WORDS.test(words) && REFUSAL_WORDS.test(words)) return true;
  return status === 404 && problem.code === '404';
}

/**
 * The authoring version the app reads a resource through for this prediction version: the
 * version's own (2024-11-15-preview and later previews read project settings), or for the 2021
 * preview, whose authoring API has no reads, the default's.
 */
export function authoringReadsVersionOf(version: ApiVersion): string {
  const profile = profileOf(version);
  return profile.generation === 'ga'
    ? profile.deletion.authoringVersion
    : profileOf(DEFAULT_API_VERSION).deletion.authoringVersion;
}
