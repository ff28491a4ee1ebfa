import { ServiceError, toProblem } from './errors';
import type { ClassScore, DocumentResult, JobPhase, JobSnapshot, ServiceProblem } from './model';
import { jobSchema, type WireDocument, type WireJob, type WireTask } from './schemas';

const PHASES: Record<string, JobPhase> = {
  notstarted: 'waiting',
  running: 'running',
  cancelling: 'running',
  succeeded: 'done',
  completed: 'done',
  partiallycompleted: 'done',
  partiallysucceeded: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Unknown statuses mean "poll again", as the contract says. */
export function phaseOf(status: string): JobPhase {
  return PHASES[status.toLowerCase()] ?? 'running';
}

function classesOf(document: WireDocument): ClassScore[] {
  const raw =
    document.class ??
    document.classes ??
    document.classifications ??
    (document.classification ? [document.classification] : []);
  return raw
    .map(({ category, confidenceScore }) => ({ category, confidence: confidenceScore }))
    .sort((a, b) => b.confidence - a.confidence);
}

function tasksOf(job: WireJob): WireTask[] {
  const tasks = job.tasks;
  if (!tasks) return [];
  return [
    ...(tasks.items ?? []),
    ...(tasks.customClassificationTasks ?? []),
    ...(tasks.customSingleClassificationTasks ?? []),
    ...(tasks.customSingleLabelClassificationTasks ?? []),
    ...(tasks.customMultiClassificationTasks ?? []),
    ...(tasks.customMultiLabelClassificationTasks ?? []),
  ];
}

// One shared collator: `localeCompare` with options builds one per call, 10x slower on big jobs.
const ids = new Intl.Collator(undefined, { numeric: true });
const byId = (a: DocumentResult, b: DocumentResult) => ids.compare(a.id, b.id);

export function documentsOf(job: WireJob): DocumentResult[] {
  return tasksOf(job)
    .flatMap((task) => [
      ...(task.results?.documents ?? []).map((document) => ({
        id: document.id,
        classes: classesOf(document),
        warnings: document.warnings,
      })),
      ...(task.results?.errors ?? []).map(({ id, error }) => ({
        id,
        classes: [],
        warnings: [],
        error: toProblem(error),
      })),
    ])
    .sort(byId);
}

/** A failed task has no results; its reason is the job error whose target ends in its index. */
function taskFailures(job: WireJob, errors: ServiceProblem[]): ServiceProblem[] {
  const failedIndexes = tasksOf(job).flatMap((task, index) =>
    (task.status ?? task.state)?.toLowerCase() === 'failed' ? [index] : [],
  );
  const explained = new Set(errors.map((error) => error.target));
  return failedIndexes
    .filter((index) => ![...explained].some((target) => target?.endsWith(`/${index}`)))
    .map((index) => ({
      code: 'TaskFailed',
      message: `Task ${index + 1} failed without a reason from the service.`,
    }));
}

export function parseJobBody(json: unknown): WireJob {
  const parsed = jobSchema.safeParse(json);
  if (!parsed.success) {
    throw new ServiceError({
      kind: 'invalid-response',
      message: `The job response is not in the expected format (${parsed.error.issues[0]?.message ?? 'unknown shape'}).`,
    });
  }
  return parsed.data;
}

export function normalizeJob(job: WireJob): JobSnapshot {
  const errors = job.errors.map(toProblem);
  const nextLink = job.nextLink ?? job['@nextLink'];
  return {
    jobId: job.jobId,
    status: job.status,
    phase: phaseOf(job.status),
    tasks: {
      completed: job.tasks?.completed ?? 0,
      failed: job.tasks?.failed ?? 0,
      inProgress: job.tasks?.inProgress ?? 0,
      total: job.tasks?.total ?? 0,
    },
    documents: documentsOf(job),
    errors: [...errors, ...taskFailures(job, errors)],
    ...(job.displayName !== undefined ? { displayName: job.displayName } : {}),
    ...(job.createdDateTime ? { createdAt: job.createdDateTime } : {}),
    ...((job.lastUpdateDateTime ?? job.lastUpdatedDateTime)
      ? { updatedAt: job.lastUpdateDateTime ?? job.lastUpdatedDateTime }
      : {}),
    ...(job.expirationDateTime ? { expiresAt: job.expirationDateTime } : {}),
    ...(nextLink ? { nextLink } : {}),
  };
}

export function parseJob(json: unknown): JobSnapshot {
  return normalizeJob(parseJobBody(json));
}
