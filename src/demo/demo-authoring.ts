import { DEMO_PROJECTS } from './demo-settings';
import { multiLabelEvaluation, singleLabelEvaluation } from './demo-evaluation';

/**
 * What the demo resource holds, as the authoring API lists it: its projects (one that is not a
 * classification project, which the app must leave out), their deployments and trained models,
 * each with an evaluation. Dates are relative to the service's clock, so one deployment is always
 * about to expire and one model has always expired.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole seconds, as the service writes authoring timestamps. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const DEMO_AUTHORING_PROJECTS = [
  {
    projectName: DEMO_PROJECTS.single.projectName,
    projectKind: 'CustomSingleLabelClassification',
    language: 'en-us',
    multilingual: false,
    description: 'Routes customer support tickets to the right team.',
    storageInputContainerName: 'support-tickets',
    createdDaysAgo: 180,
    confidenceThreshold: 0.5,
  },
  {
    projectName: DEMO_PROJECTS.multi.projectName,
    projectKind: 'CustomMultiLabelClassification',
    language: 'en',
    multilingual: true,
    description: 'Genres of film synopses; a film may have several.',
    storageInputContainerName: 'movie-synopses',
    createdDaysAgo: 90,
    confidenceThreshold: undefined,
  },
  {
    projectName: 'InvoiceFields',
    projectKind: 'CustomEntityRecognition',
    language: 'en-us',
    multilingual: false,
    description: 'Extracts totals, dates and supplier names from invoices.',
    storageInputContainerName: 'invoices',
    createdDaysAgo: 60,
    confidenceThreshold: undefined,
  },
] as const;

export interface DemoModel {
  label: string;
  trainedDaysAgo: number;
  /** Relative to now: negative means it has expired. */
  expiresInDays: number;
  trainingConfigVersion: string;
  trainingSeconds: number;
  hasSnapshot: boolean;
  evaluation: unknown;
  /** The deterministic stand-in for what it learned differently (demo-models' variants). */
  variant?: string;
}

export interface DemoDeployment {
  deploymentName: string;
  modelLabel: string;
  deployedDaysAgo: number;
}

const SUPPORT_LABELS = DEMO_PROJECTS.single.classes;

/** `[project]`: its models and deployments. A deployment expires with the model it serves. */
export const DEMO_CATALOGUE: Record<
  string,
  { models: DemoModel[]; deployments: DemoDeployment[] }
> = {
  [DEMO_PROJECTS.single.projectName]: {
    models: [
      {
        label: 'v1',
        trainedDaysAgo: 400,
        expiresInDays: -5,
        trainingConfigVersion: '2022-05-01',
        trainingSeconds: 412,
        hasSnapshot: false,
        evaluation: singleLabelEvaluation(SUPPORT_LABELS, [
          [15, 1, 3, 0, 1],
          [1, 16, 1, 1, 1],
          [3, 1, 15, 0, 1],
          [0, 2, 0, 17, 1],
          [2, 1, 1, 1, 15],
        ]),
      },
      {
        label: 'v2',
        trainedDaysAgo: 320,
        expiresInDays: 12,
        trainingConfigVersion: '2022-05-01',
        trainingSeconds: 488,
        hasSnapshot: true,
        evaluation: singleLabelEvaluation(SUPPORT_LABELS, [
          [17, 0, 2, 0, 1],
          [0, 18, 0, 1, 1],
          [2, 0, 17, 0, 1],
          [0, 1, 0, 19, 0],
          [1, 1, 1, 0, 17],
        ]),
      },
      {
        label: 'v3',
        trainedDaysAgo: 3,
        expiresInDays: 362,
        trainingConfigVersion: '2023-04-15',
        trainingSeconds: 531,
        hasSnapshot: true,
        variant: 'staging',
        evaluation: singleLabelEvaluation(SUPPORT_LABELS, [
          [15, 0, 4, 0, 1],
          [0, 19, 0, 1, 0],
          [4, 0, 15, 0, 1],
          [0, 1, 0, 19, 0],
          [0, 1, 1, 0, 18],
        ]),
      },
    ],
    deployments: [
      { deploymentName: 'production', modelLabel: 'v2', deployedDaysAgo: 300 },
      { deploymentName: 'staging', modelLabel: 'v3', deployedDaysAgo: 2 },
    ],
  },
  [DEMO_PROJECTS.multi.projectName]: {
    models: [
      {
        label: 'genres-v1',
        trainedDaysAgo: 30,
        expiresInDays: 335,
        trainingConfigVersion: '2023-04-15',
        trainingSeconds: 744,
        hasSnapshot: true,
        evaluation: multiLabelEvaluation(
          {
            Comedy: [30, 5, 6],
            Drama: [34, 7, 5],
            Action: [25, 4, 6],
            Romance: [18, 5, 7],
            SciFi: [22, 2, 3],
            Horror: [14, 3, 5],
          },
          120,
        ),
      },
    ],
    deployments: [{ deploymentName: 'production', modelLabel: 'genres-v1', deployedDaysAgo: 29 }],
  },
  InvoiceFields: {
    models: [
      {
        label: 'invoices-v1',
        trainedDaysAgo: 10,
        expiresInDays: 355,
        trainingConfigVersion: '2023-04-15',
        trainingSeconds: 1210,
        hasSnapshot: false,
        evaluation: {
          projectKind: 'CustomEntityRecognition',
          customEntityRecognitionEvaluation: { entities: {}, microF1: 0.91, macroF1: 0.88 },
          evaluationOptions: {
            kind: 'percentage',
            trainingSplitPercentage: 80,
            testingSplitPercentage: 20,
          },
        },
      },
    ],
    deployments: [{ deploymentName: 'production', modelLabel: 'invoices-v1', deployedDaysAgo: 9 }],
  },
};

/** The authoring versions whose project bodies carry `settings` (not 2022-05-01 nor 2023-04-01). */
export function returnsProjectSettings(authoringVersion: string): boolean {
  return authoringVersion.endsWith('-preview');
}

/** The training config versions, each with the date models trained with it expire (relative to now). */
export const TRAINING_CONFIG_VERSIONS = [
  { trainingConfigVersion: '2022-05-01', expiresInDays: 12 },
  { trainingConfigVersion: '2023-04-15', expiresInDays: 400 },
] as const;

export function trainingConfigVersionBodies(now: number) {
  return TRAINING_CONFIG_VERSIONS.map(({ trainingConfigVersion, expiresInDays }) => ({
    trainingConfigVersion,
    modelExpirationDate: dateOnly(now + expiresInDays * DAY_MS),
  }));
}
