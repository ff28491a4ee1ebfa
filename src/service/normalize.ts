import { ServiceError } from './errors';
import { toProblem } from './problems';
import {
  isValidConfidence,
  type ClassScore,
  type DetectedLanguage,
  type DocumentResult,
  type JobPhase,
  type JobSnapshot,
  type ResultProblem,
  type ServiceProblem,
} from './model';
import { jobSchema, type WireDocument, type WireJob, type WireTask } from './schemas';
import { onFirstUse } from '../lib/on-first-use';

// A Map: a status of `__proto__` or `toString` must be unknown, not an Object.prototype member.
const PHASES = new Map<string, JobPhase>([
  ['notstarted', 'waiting'],
  ['running', 'running'],
  ['cancelling', 'running'],
  ['succeeded', 'done'],
  ['completed', 'done'],
  ['partiallycompleted', 'done'],
  ['partiallysucceeded', 'done'],
  ['failed', 'failed'],
  ['cancelled', 'cancelled'],
]);

/** Unknown statuses mean "poll again", as the contract says. */
export function phaseOf(status: string): JobPhase {
  return PHASES.get(status.toLowerCase()) ?? 'running';
}

/** The scores that make sense, highest first; the others become problems instead of percentages. */
function scoresOf(document: WireDocument): { classes: ClassScore[]; problems: ResultProblem[] } {
  const raw =
    document.class ??
    document.classes ??
    document.classifications ??
    (document.classification ? [document.classification] : []);
  const classes: ClassScore[] = [];
  const problems: ResultProblem[] = [];
  for (const { category, confidenceScore } of raw) {
    if (isValidConfidence(confidenceScore)) classes.push({ category, confidence: confidenceScore });
    else problems.push({ kind: 'invalid-confidence', category, received: String(confidenceScore) });
  }
  return { classes: classes.sort((a, b) => b.confidence - a.confidence), problems };
}

/**
 * The detected language in one shape, whichever the service sent; undefined when it says nothing
 * usable. A language the service could not detect comes as `(Unknown)` with an empty code.
 */
function detectedLanguageOf(wire: WireDocument['detectedLanguage']): DetectedLanguage | undefined {
  if (wire === undefined) return undefined;
  if (typeof wire === 'string') {
    const code = wire.trim();
    return code ? { code } : undefined;
  }
  const code = wire.iso6391Name?.trim() ?? '';
  const name = wire.name?.trim() ?? '';
  if (!code && !name) return undefined;
  return {
    code: code || name,
    ...(name && name !== code ? { name } : {}),
    ...(wire.confidenceScore !== undefined && isValidConfidence(wire.confidenceScore)
      ? { confidence: wire.confidenceScore }
      : {}),
  };
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
const ids = onFirstUse(() => new Intl.Collator(undefined, { numeric: true }));
const byId = (a: DocumentResult, b: DocumentResult) => ids().compare(a.id, b.id);

export function documentsOf(job: WireJob): DocumentResult[] {
  const documents: DocumentResult[] = [];
  for (const task of tasksOf(job)) {
    for (const document of task.results?.documents ?? []) {
      const { classes, problems } = scoresOf(document);
      const detectedLanguage = detectedLanguageOf(document.detectedLanguage);
      documents.push({
        id: document.id,
        ...(detectedLanguage ? { detectedLanguage } : {}),
        classes,
        warnings: document.warnings,
        ...(problems.length > 0 ? { problems } : {}),
      });
    }
    for (const { id, error } of task.results?.errors ?? [])
      documents.push({ id, classes: [], warnings: [], error: toProblem(error) });
  }
  return documents.sort(byId);
}

const isDuplicateFlag = (problem: ResultProblem) => problem.kind === 'duplicate-id';

/**
 * Flags every result whose id is given more than once (within a page or across pages); both are
 * kept, since which one is right cannot be told. Flagging twice adds nothing.
 */
export function flagDuplicateIds(documents: DocumentResult[]): DocumentResult[] {
  const counts = new Map<string, number>();
  for (const { id } of documents) counts.set(id, (counts.get(id) ?? 0) + 1);
  if (counts.size === documents.length) return documents;
  return documents.map((document) => {
    if ((counts.get(document.id) ?? 0) < 2 || document.problems?.some(isDuplicateFlag))
      return document;
    const problems: ResultProblem[] = [...(document.problems ?? []), { kind: 'duplicate-id' }];
    return { ...document, problems };
  });
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
    documents: flagDuplicateIds(documentsOf(job)),
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
