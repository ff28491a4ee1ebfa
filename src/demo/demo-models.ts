import type { ModelVariant } from './classifier';
import { DEMO_AUTHORING_PROJECTS } from './demo-authoring';
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

/** Each project's deployments and the model each serves (undefined: the default model). */
const DEMO_MODELS = [
  {
    ...DEMO_PROJECTS.single,
    labelMode: 'single',
    deployments: { production: undefined, staging: STAGING_VARIANT },
  },
  { ...DEMO_PROJECTS.multi, labelMode: 'multi', deployments: { production: undefined } },
] as const;

/** Every project on the demo resource, classification or not (it can be deleted). */
export function isDemoProject(projectName: string): boolean {
  return DEMO_AUTHORING_PROJECTS.some((project) => project.projectName === projectName);
}

/** How a job names its model: a project and deployment (GA), or a model ID (the 2021 preview). */
export type ModelReference = { projectName: string; deploymentName: string } | { modelId: string };

type ModelResolution = { classes: readonly string[]; variant?: ModelVariant } | { failure: string };

/** The project's classes, or the message the real service gives for a model it cannot use. */
export function resolveModel(
  { model, labelMode }: { model: ModelReference; labelMode: LabelMode },
  isAvailable: (projectName: string) => boolean,
): ModelResolution {
  if ('modelId' in model) {
    const previewKind = PREVIEW_TASK_KINDS[labelMode];
    const project = DEMO_MODELS.find((candidate) => candidate.modelId === model.modelId);
    if (!project || !isAvailable(project.projectName)) {
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
  const project = DEMO_MODELS.find((candidate) => candidate.projectName === model.projectName);
  if (!project || !isAvailable(project.projectName)) {
    return {
      failure: `Job task parameter value '${model.projectName}' is not supported for projectName parameter for job task type ${gaKind}.`,
    };
  }
  const deployments: Readonly<Record<string, ModelVariant | undefined>> = project.deployments;
  if (!Object.hasOwn(deployments, model.deploymentName)) {
    return {
      failure: `Job task parameter value '${model.deploymentName}' is not supported for deploymentName parameter for job task type ${gaKind}.`,
    };
  }
  if (project.labelMode !== labelMode) {
    return {
      failure: `Job task type ${gaKind} is not supported by project '${project.projectName}', which is a ${TASK_KINDS[project.labelMode]} project.`,
    };
  }
  const variant = deployments[model.deploymentName];
  return variant ? { classes: project.classes, variant } : { classes: project.classes };
}
