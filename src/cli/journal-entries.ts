import '../lib/zod-config';
import { z } from 'zod';
import {
  documentSchema,
  jobSchema,
  resultSchema,
  runSchema,
} from '../features/runs/file/run-file-schema';
import type { RunJob } from '../features/runs/store/run-model';

/**
 * The journal's lines, read with the run file's own schemas (times as milliseconds here, and
 * what only a live run has: the run id on every row, a job's URL).
 */
const ms = z.number();

export const journalJob = jobSchema.extend({
  runId: z.string(),
  jobUrl: z.string().optional(),
  submittedAt: ms.optional(),
  finishedAt: ms.optional(),
});

export const journalResult = resultSchema.extend({ runId: z.string() });

export const journalRun = runSchema.extend({
  createdAt: ms,
  documentCount: z.int().nonnegative(),
  labelled: z.boolean(),
});

export const journalDocument = documentSchema.extend({ runId: z.string(), index: z.int() });

const jobChange = {
  index: z.int().nonnegative(),
  set: journalJob.partial(),
  /** Fields the patch cleared (JSON has no `undefined`). */
  unset: z.array(z.string()),
};

export const journalEntrySchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('run'),
    /** What the run was made from (settings and documents): another command does not resume it. */
    fingerprint: z.string(),
    run: journalRun,
    jobs: z.array(journalJob),
    documents: z.array(journalDocument),
  }),
  z.object({ t: z.literal('job'), ...jobChange }),
  z.object({
    t: z.literal('finished'),
    entries: z.array(z.object({ ...jobChange, results: z.array(journalResult) })),
  }),
  z.object({ t: z.literal('intent'), intent: z.enum(['run', 'paused', 'cancelled']) }),
]);

export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** A patch as a journal line: what it sets, and the fields it clears (set to undefined). */
export function splitPatch(patch: Partial<RunJob>): {
  set: Partial<RunJob>;
  unset: string[];
} {
  const set: Partial<RunJob> = {};
  const unset: string[] = [];
  for (const field of Object.keys(patch)) {
    const value: unknown = Reflect.get(patch, field);
    if (value === undefined) unset.push(field);
    else Object.assign(set, { [field]: value });
  }
  return { set, unset };
}

export function applyPatch(job: RunJob, set: Partial<RunJob>, unset: readonly string[]): RunJob {
  const next: RunJob = { ...job, ...set };
  for (const field of unset) Reflect.deleteProperty(next, field);
  return next;
}
