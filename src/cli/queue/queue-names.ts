import '../../lib/zod-config';
import { z } from 'zod';

/** The one BullMQ queue every run's jobs go through: one rate for the resource, whatever the run. */
export const QUEUE_NAME = 'classify-console';

/** A BullMQ job: one service job of a run (its documents and state are in the RunStore). */
export const jobDataSchema = z.object({
  runId: z.string(),
  index: z.int().nonnegative(),
  /** Polls in a row that failed (network, 5xx): the next one waits longer. */
  failures: z.int().nonnegative().default(0),
});
export type JobData = z.input<typeof jobDataSchema>;

/** Ids are the run's and the job's: enqueueing the same job twice adds it once. */
export function bullJobId(runId: string, index: number, attempt = 0): string {
  return attempt === 0 ? `${runId}-${index}` : `${runId}-${index}-again${attempt}`;
}

/**
 * Polls before new POSTs, as the browser's runner keeps a bounded number of jobs out: a job waiting
 * to be sent is prioritised (BullMQ serves its plain wait list first), and once the service has
 * accepted it, it joins the plain list, so a poll that is due never waits behind the sends.
 */
export const SEND_PRIORITY = 1;
export const POLL_PRIORITY = 0;

/** Completed BullMQ jobs go at once (their results are in the RunStore); failed ones after a day. */
export const JOB_OPTIONS = {
  priority: SEND_PRIORITY,
  // A step that throws (Redis unreachable past its retries, say) is tried again: its state decides
  // what the next try does, so a retry never sends twice. Waits and rate limits use no attempt.
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: { age: 24 * 60 * 60 },
} as const;
