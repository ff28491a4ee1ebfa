import '../lib/zod-config';
import { z } from 'zod';

/** Lenient wire schemas: real traffic disagrees with the docs, so every known spelling is accepted. */

const code = z.union([z.string(), z.number()]).transform(String);

export interface WireInnerError {
  code?: string | undefined;
  message?: string | undefined;
  innererror?: WireInnerError | undefined;
}

export const innerErrorSchema: z.ZodType<WireInnerError> = z.lazy(() =>
  z.object({
    code: code.optional(),
    message: z.string().optional(),
    innererror: innerErrorSchema.optional(),
  }),
);

export const errorSchema = z.object({
  code,
  message: z.string(),
  target: z.string().optional(),
  innererror: innerErrorSchema.optional(),
});
export type WireError = z.infer<typeof errorSchema>;

export const errorResponseSchema = z.object({ error: errorSchema });

// Any number, 1e999 (Infinity) included: a nonsense score is flagged on its document, not a failed job.
const score = z.union([z.number(), z.literal(Infinity), z.literal(-Infinity)]);
const classScoreSchema = z.object({ category: z.string(), confidenceScore: score });

const warningSchema = z.object({ code: code, message: z.string() });

export const documentSchema = z.object({
  id: z.string(),
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
export type WireDeletionJob = z.infer<typeof deletionJobSchema>;
