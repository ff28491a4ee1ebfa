import '../lib/zod-config';
import { z } from 'zod';

/** Lenient wire schemas: real traffic disagrees with the docs, so every known spelling is accepted. */

const code = z.union([z.string(), z.number()]).transform(String);

export interface WireInnerError {
  code?: string | undefined;
  message?: string | undefined;
  innererror?: WireInnerError | undefined;
}

const innerErrorSchema: z.ZodType<WireInnerError> = z.lazy(() =>
  z.object({
    code: code.optional(),
    message: z.string().optional(),
    innererror: innerErrorSchema.optional(),
  }),
);

const errorSchema = z.object({
  code,
  message: z.string(),
  target: z.string().optional(),
  innererror: innerErrorSchema.optional(),
});
export type WireError = z.infer<typeof errorSchema>;

export const errorResponseSchema = z.object({ error: errorSchema });

/** The API gateway's own error shape, seen for refused access tokens. */
export const gatewayErrorSchema = z.object({ statusCode: z.number(), message: z.string() });

// Any number, 1e999 (Infinity) included: a nonsense score is flagged on its document, not a failed job.
const score = z.union([z.number(), z.literal(Infinity), z.literal(-Infinity)]);
const classScoreSchema = z.object({ category: z.string(), confidenceScore: score });

const warningSchema = z.object({ code: code, message: z.string() });

/**
 * `detectedLanguage` as the specification has it (`{name, iso6391Name, confidenceScore}`), or a
 * bare code string; anything else is dropped (`.catch`) rather than failing the whole job.
 */
const detectedLanguageSchema = z
  .union([
    z.object({
      name: z.string().optional(),
      iso6391Name: z.string().optional(),
      confidenceScore: z.number().optional(),
    }),
    z.string(),
  ])
  .optional()
  .catch(undefined);

const documentSchema = z.object({
  id: z.string(),
  detectedLanguage: detectedLanguageSchema,
  class: z.array(classScoreSchema).optional(),
  classes: z.array(classScoreSchema).optional(),
  classifications: z.array(classScoreSchema).optional(),
  classification: classScoreSchema.optional(),
  warnings: z.array(warningSchema).default([]),
});
export type WireDocument = z.infer<typeof documentSchema>;

const documentErrorSchema = z.object({ id: z.string(), error: errorSchema });

const taskSchema = z.object({
  kind: z.string().optional(),
  taskName: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
  state: z.string().optional(),
  results: z
    .object({
      documents: z.array(documentSchema).default([]),
      errors: z.array(documentErrorSchema).default([]),
    })
    .optional(),
});
export type WireTask = z.infer<typeof taskSchema>;

const taskList = z.array(taskSchema).optional();

export const jobSchema = z.object({
  jobId: z.string(),
  status: z.string(),
  displayName: z.string().optional(),
  createdDateTime: z.string().optional(),
  lastUpdateDateTime: z.string().optional(),
  lastUpdatedDateTime: z.string().optional(),
  expirationDateTime: z.string().optional(),
  errors: z.array(errorSchema).default([]),
  tasks: z
    .object({
      completed: z.number().default(0),
      failed: z.number().default(0),
      inProgress: z.number().default(0),
      total: z.number().default(0),
      items: taskList,
      customClassificationTasks: taskList,
      customMultiClassificationTasks: taskList,
      customSingleClassificationTasks: taskList,
      customSingleLabelClassificationTasks: taskList,
      customMultiLabelClassificationTasks: taskList,
    })
    .optional(),
  nextLink: z.string().optional(),
  '@nextLink': z.string().optional(),
});
export type WireJob = z.infer<typeof jobSchema>;

/** Authoring deletion jobs (GA) spell the update time `lastUpdatedDateTime`. */
export const deletionJobSchema = z.object({
  jobId: z.string().optional(),
  status: z.string(),
  createdDateTime: z.string().optional(),
  lastUpdatedDateTime: z.string().optional(),
  lastUpdateDateTime: z.string().optional(),
  expirationDateTime: z.string().optional(),
  warnings: z.array(z.object({ code, message: z.string() })).default([]),
  errors: z.array(errorSchema).default([]),
});

/** Authoring reads (GA). Timestamps stay strings, as the job model keeps them. */
const pagedList = <T extends z.ZodType>(item: T) =>
  z.object({ value: z.array(item).default([]), nextLink: z.string().nullish() });

const projectSchema = z.object({
  projectName: z.string(),
  projectKind: z.string(),
  language: z.string().default(''),
  multilingual: z.boolean().default(false),
  description: z.string().nullish(),
  storageInputContainerName: z.string().optional(),
  createdDateTime: z.string(),
  lastModifiedDateTime: z.string(),
  lastTrainedDateTime: z.string().nullish(),
  lastDeployedDateTime: z.string().nullish(),
});
export const projectListSchema = pagedList(projectSchema);

/**
 * One project with its settings. `settings.confidenceThreshold` is "the threshold of the class with
 * the highest confidence, at which the prediction will automatically be changed to None"; the
 * authoring versions after 2023-04-01 return it. A nonsense value is dropped, not fatal.
 */
export const projectWithSettingsSchema = projectSchema.extend({
  settings: z
    .object({ confidenceThreshold: z.number().min(0).max(1).optional().catch(undefined) })
    .nullish()
    .catch(undefined),
});

/** `GET /projects/global/training-config-versions`: each version and when models trained with it expire. */
export const trainingConfigVersionListSchema = pagedList(
  z.object({ trainingConfigVersion: z.string(), modelExpirationDate: z.string() }),
);

const deploymentSchema = z.object({
  deploymentName: z.string(),
  modelId: z.string(),
  lastTrainedDateTime: z.string(),
  lastDeployedDateTime: z.string(),
  deploymentExpirationDate: z.string(),
  modelTrainingConfigVersion: z.string(),
});
export const deploymentListSchema = pagedList(deploymentSchema);

const trainedModelSchema = z.object({
  label: z.string(),
  modelId: z.string(),
  lastTrainedDateTime: z.string(),
  lastTrainingDurationInSeconds: z.number(),
  modelExpirationDate: z.string(),
  modelTrainingConfigVersion: z.string(),
  hasSnapshot: z.boolean().default(false),
});
export const trainedModelListSchema = pagedList(trainedModelSchema);

const classEvaluationSchema = z.object({
  f1: z.number(),
  precision: z.number(),
  recall: z.number(),
  truePositiveCount: z.number(),
  trueNegativeCount: z.number(),
  falsePositiveCount: z.number(),
  falseNegativeCount: z.number(),
});

const evaluationFigures = {
  classes: z.record(z.string(), classEvaluationSchema),
  microF1: z.number(),
  microPrecision: z.number(),
  microRecall: z.number(),
  macroF1: z.number(),
  macroPrecision: z.number(),
  macroRecall: z.number(),
};

const matrixCellSchema = z.object({ normalizedValue: z.number().optional(), rawValue: z.number() });

export const evaluationSummarySchema = z.object({
  projectKind: z.string(),
  evaluationOptions: z
    .object({
      kind: z.string().optional(),
      trainingSplitPercentage: z.number().optional(),
      testingSplitPercentage: z.number().optional(),
    })
    .optional(),
  customSingleLabelClassificationEvaluation: z
    .object({
      ...evaluationFigures,
      confusionMatrix: z.record(z.string(), z.record(z.string(), matrixCellSchema)),
    })
    .optional(),
  customMultiLabelClassificationEvaluation: z.object(evaluationFigures).optional(),
});
