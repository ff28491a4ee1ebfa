import type { ModelVariant } from './classifier';
import { DEMO_PROJECTS } from './demo-settings';
import type { LabelMode } from '../service/model';

/** Which demo project a job asks for, matched as strictly (case-sensitively) as the service does. */

const TASK_KINDS = {
  single: 'CustomSingleLabelClassification',
  multi: 'CustomMultiLabelClassification',
} as const;

const PREVIEW_TASK_KINDS = {
  single: 'CustomClassification',
  multi: 'CustomMultiClassification',
} as const;

/** A newer model of SupportTickets, trained on more account tickets: it mixes Billing and Account up more. */
export const STAGING_VARIANT: ModelVariant = {
  id: 'staging',
  extraVocabulary: {
    Account: 'subscription, card, plan, cancel, cancell, user',
    Billing: 'account, accounts, sign, signed',
    Feedback: 'nice, would be',
  },
  noiseScale: 1.5,
};

/** The 2021 preview's models, named by ID: each project's default model. */
const DEMO_MODELS = [
  { ...DEMO_PROJECTS.single, labelMode: 'single' },
  { ...DEMO_PROJECTS.multi, labelMode: 'multi' },
] as const;

/** The models seeded models name by `variant`. */
export const MODEL_VARIANTS: Readonly<Record<string, ModelVariant>> = { staging: STAGING_VARIANT };

/** What a deployment serves: its classes, its variant, and the documents it remembers. */
export interface ServedModel {
  classes: readonly string[];
  variant?: ModelVariant | undefined;
  /** Normalised text → labels (see training.memoryKey). */
  memory?: ReadonlyMap<string, readonly string[]> | undefined;
}

/** The resource's projects as runtime jobs see them. */
export interface ServedProjects {
  isAvailable(projectName: string): boolean;
  /** Undefined for a project the resource lacks or that is not a classification project. */
  labelModeOf(projectName: string): LabelMode | undefined;
  served(projectName: string, deploymentName: string): ServedModel | undefined;
}

/** How a job names its model: a project and deployment (GA), or a model ID (the 2021 preview). */
export type ModelReference = { projectName: string; deploymentName: string } | { modelId: string };

type ModelResolution = ServedModel | { failure: string };

/** The project's classes, or the message the real service gives for a model it cannot use. */
export function resolveModel(
  { model, labelMode }: { model: ModelReference; labelMode: LabelMode },
  projects: ServedProjects,
): ModelResolution {
  if ('modelId' in model) {
    const previewKind = PREVIEW_TASK_KINDS[labelMode];
    const project = DEMO_MODELS.find((candidate) => candidate.modelId === model.modelId);
    if (!project || !projects.isAvailable(project.projectName)) {
      return {
        failure: `Job task parameter value '${model.modelId}' is not supported for modelId parameter for job task type ${previewKind}.`,
      };
    }
    if (project.labelMode !== labelMode) {
      return {
        failure: `Job task type ${previewKind} is not supported by model '${model.modelId}', which was trained for ${PREVIEW_TASK_KINDS[project.labelMode]}.`,
      };
    }
    return { classes: project.classes };
  }
  const gaKind = TASK_KINDS[labelMode];
  const projectLabelMode = projects.labelModeOf(model.projectName);
  if (projectLabelMode === undefined) {
    return {
      failure: `Job task parameter value '${model.projectName}' is not supported for projectName parameter for job task type ${gaKind}.`,
    };
  }
  const served = projects.served(model.projectName, model.deploymentName);
  if (!served) {
    return {
      failure: `Job task parameter value '${model.deploymentName}' is not supported for deploymentName parameter for job task type ${gaKind}.`,
    };
  }
  if (projectLabelMode !== labelMode) {
    return {
      failure: `Job task type ${gaKind} is not supported by project '${model.projectName}', which is a ${TASK_KINDS[projectLabelMode]} project.`,
    };
  }
  return served;
}
