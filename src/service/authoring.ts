import type { z } from 'zod';
import { DEFAULT_API_VERSION, profileOf } from './api-profiles';
import { ServiceError } from './errors';
import { GA_PROJECTS_PATH } from './ga';
import { callService, type Credentials } from './http';
import type { LabelMode } from './model';
import {
  deploymentListSchema,
  evaluationSummarySchema,
  projectListSchema,
  projectWithSettingsSchema,
  trainedModelListSchema,
  trainingConfigVersionListSchema,
} from './schemas';

/**
 * The authoring reads that tell what a resource holds: its classification projects, their
 * deployments and trained models, and each model's evaluation from training. Every API version,
 * the preview's included, reads them through the GA authoring API of the default profile.
 */

export const AUTHORING_READS_VERSION = profileOf(DEFAULT_API_VERSION).deletion.authoringVersion;

const PROJECT_KINDS = {
  CustomSingleLabelClassification: 'single',
  CustomMultiLabelClassification: 'multi',
} as const satisfies Record<string, LabelMode>;

export type ClassificationProjectKind = keyof typeof PROJECT_KINDS;

export interface AuthoringProject {
  projectName: string;
  projectKind: ClassificationProjectKind;
  labelMode: LabelMode;
  language: string;
  multilingual: boolean;
  description: string;
  lastTrainedAt?: string;
  lastDeployedAt?: string;
  createdAt: string;
  lastModifiedAt: string;
}

export interface AuthoringDeployment {
  deploymentName: string;
  /** Matches a trained model's `modelId`. */
  modelId: string;
  lastTrainedAt: string;
  lastDeployedAt: string;
  /** A date, `2027-09-25`. */
  expiresOn: string;
  trainingConfigVersion: string;
}

interface TrainedModel {
  /** What the evaluation path takes. */
  label: string;
  modelId: string;
  lastTrainedAt: string;
  trainingSeconds: number;
  /** A date, `2027-09-25`. */
  expiresOn: string;
  trainingConfigVersion: string;
  hasSnapshot: boolean;
}

export interface ClassEvaluation {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
}

interface AverageEvaluation {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationSummary {
  labelMode: LabelMode;
  /** Per class, as the service names the classes. */
  classes: Record<string, ClassEvaluation>;
  micro: AverageEvaluation;
  macro: AverageEvaluation;
  /** Single label only: `[actual][predicted]` → documents of the test set. */
  confusionMatrix?: Record<string, Record<string, number>>;
  /** How the labelled documents were split for training; undefined where the service does not say. */
  split: { kind?: string; trainingPercent?: number; testingPercent?: number };
}

/** Pages read at most for one list; more means the service is misbehaving. */
export const MAX_AUTHORING_PAGES = 50;

const projectsUrl = (endpoint: string, path = '') =>
  `${endpoint}${GA_PROJECTS_PATH}${path}?api-version=${AUTHORING_READS_VERSION}`;

const projectPath = (projectName: string) => `/${encodeURIComponent(projectName)}`;

/** For the reads whose answer depends on the authoring version (project settings). */
const projectsUrlAt = (endpoint: string, authoringVersion: string, path: string, query = '') =>
  `${endpoint}${GA_PROJECTS_PATH}${path}?api-version=${encodeURIComponent(authoringVersion)}${query}`;

function parsed<S extends z.ZodType>(schema: S, json: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ServiceError({
      kind: 'invalid-response',
      message: `The service answered the ${what} request with something that is not ${what}.`,
    });
  }
  return result.data;
}

/**
 * Every item of a paged authoring list, following `nextLink` (callService keeps each page on the
 * endpoint's origin). A link back to a page already read, or more than MAX_AUTHORING_PAGES, is refused.
 */
async function readAllPages<T>(
  url: string,
  credentials: Credentials,
  signal: AbortSignal | undefined,
  readPage: (json: unknown) => { value: T[]; nextLink?: string | null | undefined },
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let next: string | undefined = url;
  while (next) {
    if (seen.has(next)) {
      throw new ServiceError({
        kind: 'invalid-response',
        message: 'The service’s next page link pointed back to a page already read.',
      });
    }
    if (seen.size >= MAX_AUTHORING_PAGES) {
      throw new ServiceError({
        kind: 'invalid-response',
        message: `The service’s list went on past ${MAX_AUTHORING_PAGES} pages; the app stopped reading it.`,
      });
    }
    seen.add(next);
    const response = await callService({ method: 'GET', url: next }, credentials, signal);
    const page = readPage(response.json);
    for (const item of page.value) items.push(item);
    next = page.nextLink ?? undefined;
  }
  return items;
}

function isClassificationKind(kind: string): kind is ClassificationProjectKind {
  return Object.hasOwn(PROJECT_KINDS, kind);
}

/** The resource's custom single- and multi-label classification projects; other kinds are left out. */
export async function listProjects(
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<AuthoringProject[]> {
  const wire = await readAllPages(projectsUrl(credentials.endpoint), credentials, signal, (json) =>
    parsed(projectListSchema, json, 'a project list'),
  );
  return wire.flatMap((project) => {
    const { projectKind } = project;
    if (!isClassificationKind(projectKind)) return [];
    return [
      {
        projectName: project.projectName,
        projectKind,
        labelMode: PROJECT_KINDS[projectKind],
        language: project.language,
        multilingual: project.multilingual,
        description: project.description ?? '',
        ...(project.lastTrainedDateTime ? { lastTrainedAt: project.lastTrainedDateTime } : {}),
        ...(project.lastDeployedDateTime ? { lastDeployedAt: project.lastDeployedDateTime } : {}),
        createdAt: project.createdDateTime,
        lastModifiedAt: project.lastModifiedDateTime,
      },
    ];
  });
}

export async function listDeployments(
  credentials: Credentials,
  projectName: string,
  signal?: AbortSignal,
): Promise<AuthoringDeployment[]> {
  const url = projectsUrl(credentials.endpoint, `${projectPath(projectName)}/deployments`);
  const wire = await readAllPages(url, credentials, signal, (json) =>
    parsed(deploymentListSchema, json, 'a deployment list'),
  );
  return wire.map((deployment) => ({
    deploymentName: deployment.deploymentName,
    modelId: deployment.modelId,
    lastTrainedAt: deployment.lastTrainedDateTime,
    lastDeployedAt: deployment.lastDeployedDateTime,
    expiresOn: deployment.deploymentExpirationDate,
    trainingConfigVersion: deployment.modelTrainingConfigVersion,
  }));
}

export async function listModels(
  credentials: Credentials,
  projectName: string,
  signal?: AbortSignal,
): Promise<TrainedModel[]> {
  const url = projectsUrl(credentials.endpoint, `${projectPath(projectName)}/models`);
  const wire = await readAllPages(url, credentials, signal, (json) =>
    parsed(trainedModelListSchema, json, 'a model list'),
  );
  return wire.map((model) => ({
    label: model.label,
    modelId: model.modelId,
    lastTrainedAt: model.lastTrainedDateTime,
    trainingSeconds: model.lastTrainingDurationInSeconds,
    expiresOn: model.modelExpirationDate,
    trainingConfigVersion: model.modelTrainingConfigVersion,
    hasSnapshot: model.hasSnapshot,
  }));
}

/** The evaluation the service made when it trained the model, on the project's test set. */
export async function evaluationSummary(
  credentials: Credentials,
  projectName: string,
  trainedModelLabel: string,
  signal?: AbortSignal,
): Promise<EvaluationSummary> {
  const url = projectsUrl(
    credentials.endpoint,
    `${projectPath(projectName)}/models/${encodeURIComponent(trainedModelLabel)}/evaluation/summary-result`,
  );
  const response = await callService({ method: 'GET', url }, credentials, signal);
  const body = parsed(evaluationSummarySchema, response.json, 'an evaluation summary');
  const single = body.customSingleLabelClassificationEvaluation;
  const figures = single ?? body.customMultiLabelClassificationEvaluation;
  if (!figures) {
    throw new ServiceError({
      kind: 'invalid-response',
      message: `The evaluation summary is for a ${body.projectKind} project, not a classification one.`,
    });
  }
  const options = body.evaluationOptions;
  return {
    labelMode: single ? 'single' : 'multi',
    classes: Object.fromEntries(
      Object.entries(figures.classes).map(([label, value]) => [
        label,
        {
          precision: value.precision,
          recall: value.recall,
          f1: value.f1,
          tp: value.truePositiveCount,
          tn: value.trueNegativeCount,
          fp: value.falsePositiveCount,
          fn: value.falseNegativeCount,
        },
      ]),
    ),
    micro: { precision: figures.microPrecision, recall: figures.microRecall, f1: figures.microF1 },
    macro: { precision: figures.macroPrecision, recall: figures.macroRecall, f1: figures.macroF1 },
    ...(single
      ? {
          confusionMatrix: Object.fromEntries(
            Object.entries(single.confusionMatrix).map(([actual, row]) => [
              actual,
              Object.fromEntries(
                Object.entries(row).map(([predicted, cell]) => [predicted, cell.rawValue]),
              ),
            ]),
          ),
        }
      : {}),
    split: {
      ...(options?.kind !== undefined ? { kind: options.kind } : {}),
      ...(options?.trainingSplitPercentage !== undefined
        ? { trainingPercent: options.trainingSplitPercentage }
        : {}),
      ...(options?.testingSplitPercentage !== undefined
        ? { testingPercent: options.testingSplitPercentage }
        : {}),
    },
  };
}

export interface ProjectSettings {
  /**
   * Below it, the service itself turns the top prediction into "None". Undefined where the project
   * has none, or where the authoring version does not return settings.
   */
  confidenceThreshold?: number;
}

/** The project's settings, read through `authoringVersion` (the newer ones return them). */
export async function readProjectSettings(
  credentials: Credentials,
  projectName: string,
  authoringVersion: string,
  signal?: AbortSignal,
): Promise<ProjectSettings> {
  const url = projectsUrlAt(credentials.endpoint, authoringVersion, projectPath(projectName));
  const response = await callService({ method: 'GET', url }, credentials, signal);
  const project = parsed(projectWithSettingsSchema, response.json, 'a project');
  const threshold = project.settings?.confidenceThreshold;
  return threshold === undefined ? {} : { confidenceThreshold: threshold };
}

export interface TrainingConfigVersion {
  version: string;
  /** A date, `2027-09-25`: models trained with this version expire then. */
  expiresOn: string;
}

/** The training config versions the resource offers for a kind of project, with their expiry. */
export async function listTrainingConfigVersions(
  credentials: Credentials,
  projectKind: ClassificationProjectKind,
  authoringVersion: string,
  signal?: AbortSignal,
): Promise<TrainingConfigVersion[]> {
  const url = projectsUrlAt(
    credentials.endpoint,
    authoringVersion,
    '/global/training-config-versions',
    `&projectKind=${projectKind}`,
  );
  const wire = await readAllPages(url, credentials, signal, (json) =>
    parsed(trainingConfigVersionListSchema, json, 'a list of training config versions'),
  );
  return wire.map((item) => ({
    version: item.trainingConfigVersion,
    expiresOn: item.modelExpirationDate,
  }));
}

type NameCheck = 'known' | { caseOf: string } | 'unknown';

/** Names are case-sensitive on the service: a case-only difference gets a "did you mean" hint. */
export function nameCheck(name: string, known: readonly string[]): NameCheck {
  if (known.includes(name)) return 'known';
  const lower = name.toLowerCase();
  const caseOf = known.find((candidate) => candidate.toLowerCase() === lower);
  return caseOf === undefined ? 'unknown' : { caseOf };
}

export type ExpiryStatus = 'ok' | 'soon' | 'expired';

/** Warn this many days before a model or deployment expires. */
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A model or deployment expiring on `date` (`2027-09-25`, or a full timestamp) can be used through
 * that day (UTC); `soon` within EXPIRY_WARNING_DAYS of the end of it.
 */
export function expiryStatus(date: string | Date, now: Date | number = Date.now()): ExpiryStatus {
  const at = typeof date === 'string' ? Date.parse(date) : date.getTime();
  if (Number.isNaN(at)) return 'ok';
  const dateOnly = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const end = dateOnly ? at + DAY_MS : at;
  const current = typeof now === 'number' ? now : now.getTime();
  if (current >= end) return 'expired';
  return end - current <= EXPIRY_WARNING_DAYS * DAY_MS ? 'soon' : 'ok';
}
