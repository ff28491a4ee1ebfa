import '../../../lib/zod-config';
import { z } from 'zod';
import { API_VERSIONS } from '../../../service/api-versions';
import { MAX_DOCUMENTS_PER_JOB } from '../../../service/limits';
import { RUN_JOB_STATES } from '../store/run-model';
import { RUN_FILE_FORMAT, RUN_FILE_LIMITS, RUN_FILE_VERSION } from './run-file-limits';

/**
 * A run as a file (format version 1): what the browser's Export… writes and Import run reads, and
 * what the command line writes too. Objects are read leniently about names they do not know (they
 * are dropped, so a key or token smuggled into the settings never reaches storage) and strictly
 * about the types of the names they do know.
 */

const MAX = RUN_FILE_LIMITS.maxDocuments;
const MAX_INNER = RUN_FILE_LIMITS.maxInnerEntries;

const time = z.iso.datetime({ offset: true }).transform((value) => Date.parse(value));
const count = z.int().nonnegative();
const name = z.string().max(1_000);

/** The settings the run was sent with: never the key or token (the run never had them). */
export const runFileSettingsSchema = z.object({
  endpoint: z.string().max(2_048),
  resourceEndpoint: z.string().max(2_048),
  useProxy: z.boolean(),
  apiVersion: z.enum(API_VERSIONS),
  labelMode: z.enum(['single', 'multi']),
  projectName: name,
  deploymentName: name,
  modelId: name,
  language: name,
  jobName: name,
});

export const runSchema = z.object({
  id: z.string().min(1).max(200),
  name,
  createdAt: time,
  source: name,
  intent: z.enum(['run', 'paused', 'cancelled']),
  threshold: z.number().min(0).max(1).optional(),
  settings: runFileSettingsSchema,
  oversized: z.array(z.object({ id: z.string(), characters: count })).max(MAX_INNER),
});

export const documentSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  language: z.string().max(100).optional(),
  labels: z.array(z.string()).max(MAX_INNER).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});

const problemSchema = z.object({
  code: z.string(),
  message: z.string(),
  innerCode: z.string().optional(),
  innerMessage: z.string().optional(),
  target: z.string().optional(),
});

export const jobSchema = z.object({
  index: count,
  documentIndexes: z.array(count).min(1).max(MAX_DOCUMENTS_PER_JOB),
  firstId: z.string(),
  lastId: z.string(),
  characters: count.optional(),
  state: z.enum(RUN_JOB_STATES),
  jobId: z.string().max(200).optional(),
  status: z.string().max(100).optional(),
  outcome: z.enum(['done', 'failed', 'cancelled']).optional(),
  submittedAt: time.optional(),
  finishedAt: time.optional(),
  serviceDurationMs: z.number().nonnegative().optional(),
  error: z.string().optional(),
  resultsCut: z
    .object({ pages: count, truncatedBy: z.enum(['page-limit', 'repeated-link']).optional() })
    .optional(),
  failure: z
    .object({
      kind: z.enum([
        'http',
        'network',
        'timeout',
        'foreign-origin',
        'redirect',
        'invalid-response',
        'cors',
        'job-failed',
        'deletion-failed',
      ]),
      message: z.string(),
      status: z.int().optional(),
      problem: problemSchema.optional(),
    })
    .optional(),
  failedDocuments: count.optional(),
});

export const resultSchema = z.object({
  index: count,
  id: z.string(),
  classes: z
    .array(z.object({ category: z.string(), confidence: z.number().min(0).max(1) }))
    .max(MAX_INNER),
  detectedLanguage: z
    .object({
      code: z.string(),
      name: z.string().optional(),
      confidence: z.number().min(0).max(1).optional(),
    })
    .optional(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).max(MAX_INNER),
  error: problemSchema.optional(),
  problems: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('invalid-confidence'),
          category: z.string(),
          received: z.string(),
        }),
        z.object({ kind: z.literal('duplicate-id') }),
      ]),
    )
    .max(MAX_INNER)
    .optional(),
});

const correctionSchema = z.object({
  index: count,
  id: z.string(),
  labels: z.array(z.string()).min(1).max(MAX_INNER),
});

/** What every version shares: read first, so that a newer file is named as such. */
export const runFileHeaderSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT),
  version: z.number(),
});

export const runFileSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT),
  version: z.literal(RUN_FILE_VERSION),
  exportedAt: time,
  run: runSchema,
  /** In input order: a document's index is its place here. */
  documents: z.array(documentSchema).max(MAX),
  jobs: z.array(jobSchema).max(MAX),
  results: z.array(resultSchema).max(MAX),
  corrections: z.array(correctionSchema).max(MAX),
});

/** The file as written (times as ISO 8601 text). */
export type RunFileWire = z.input<typeof runFileSchema>;
/** The file as read (times as milliseconds, like the stored run). */
export type RunFile = z.output<typeof runFileSchema>;
