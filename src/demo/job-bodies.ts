import { GA_JOBS_PATH } from '../service/ga';
import { previewJobsPath } from '../service/preview';
import type { DeletionJob, DeletionStatus, JobStatus, Progress, ServiceJob } from './service-state';
import type { DocumentOutcome } from './document-outcome';
import { DELETION_JOB_RETENTION_MS, JOB_RETENTION_MS } from './service-state';

/** Job bodies in each API generation's wire format (see shared/fixtures). */

const PAGE_SIZE = 20;

interface PageQuery {
  top: number;
  skip: number;
  showStats: boolean;
}

/** Whole seconds, as the service writes job timestamps. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Undefined when a paging parameter is not a non-negative integer. */
export function readPageQuery(
  url: URL,
  names: { top: string; skip: string },
): PageQuery | undefined {
  const integer = (name: string, fallback: number) => {
    const value = url.searchParams.get(name);
    if (value === null) return fallback;
    return /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const top = integer(names.top, PAGE_SIZE);
  const skip = integer(names.skip, 0);
  if (top === undefined || skip === undefined || top === 0) return undefined;
  return {
    top: Math.min(top, PAGE_SIZE),
    skip,
    showStats: url.searchParams.get('showStats')?.toLowerCase() === 'true',
  };
}

const transactionsOf = (document: DocumentOutcome) =>
  document.error ? 0 : Math.max(1, Math.ceil(document.characters / 1000));

function jobStatistics(job: ServiceJob) {
  const erroneous = job.documents.filter((document) => document.error).length;
  return {
    documentsCount: job.documents.length,
    validDocumentsCount: job.documents.length - erroneous,
    erroneousDocumentsCount: erroneous,
    transactionsCount: job.documents.reduce((sum, document) => sum + transactionsOf(document), 0),
  };
}

function pageOf(job: ServiceJob, page: PageQuery) {
  const slice = job.documents.slice(page.skip, page.skip + page.top);
  const valid = slice.filter((document) => !document.error);
  const errors = slice.flatMap(({ id, error }) =>
    error
      ? [
          {
            id,
            error: {
              code: 'InvalidArgument',
              message: 'Invalid Document in request.',
              innererror: error,
            },
          },
        ]
      : [],
  );
  const statistics = (document: DocumentOutcome) =>
    page.showStats
      ? {
          statistics: {
            charactersCount: document.characters,
            transactionsCount: transactionsOf(document),
          },
        }
      : {};
  const hasMore = page.skip + page.top < job.documents.length;
  return { valid, errors, statistics, hasMore };
}

function taskCounts(status: JobStatus) {
  const done = status === 'succeeded' ? 1 : 0;
  const failed = status === 'failed' ? 1 : 0;
  const inProgress = status === 'cancelled' ? 0 : 1 - done - failed;
  return { completed: done, failed, inProgress, total: 1 };
}

function jobTimes(job: ServiceJob, progress: Progress<JobStatus>) {
  return {
    createdDateTime: isoSeconds(job.createdAt),
    expirationDateTime: isoSeconds(job.createdAt + JOB_RETENTION_MS),
    lastUpdateDateTime: isoSeconds(progress.updatedAt),
  };
}

const GA_RESULT_KINDS = {
  single: 'CustomSingleLabelClassificationLROResults',
  multi: 'CustomMultiLabelClassificationLROResults',
} as const;

export function gaJobBody(
  job: ServiceJob,
  progress: Progress<JobStatus>,
  page: PageQuery,
  origin: string,
) {
  const { status } = progress;
  const times = jobTimes(job, progress);
  const { valid, errors, statistics, hasMore } = pageOf(job, page);
  const taskHead = {
    kind: GA_RESULT_KINDS[job.labelMode],
    ...(job.taskName !== undefined ? { taskName: job.taskName } : {}),
    lastUpdateDateTime: new Date(progress.updatedAt).toISOString(),
    status,
  };
  const items =
    status === 'failed'
      ? [taskHead]
      : status === 'succeeded'
        ? [
            {
              ...taskHead,
              results: {
                ...(page.showStats ? { statistics: jobStatistics(job) } : {}),
                documents: valid.map((document) => ({
                  id: document.id,
                  class: document.classes,
                  ...statistics(document),
                  warnings: document.warnings,
                  ...(document.detectedLanguage
                    ? { detectedLanguage: document.detectedLanguage }
                    : {}),
                })),
                errors,
                projectName: job.projectName,
                deploymentName: job.deploymentName,
              },
            },
          ]
        : [];
  const nextQuery = `${page.showStats ? 'showStats=True&' : ''}top=${page.top}&skip=${page.skip + page.top}&api-version=${job.apiVersion}`;
  return {
    jobId: job.jobId,
    lastUpdateDateTime: times.lastUpdateDateTime,
    createdDateTime: times.createdDateTime,
    expirationDateTime: times.expirationDateTime,
    status,
    errors:
      status === 'failed' && job.failure
        ? [{ code: 'InvalidRequest', message: job.failure, target: '#/tasks/items/0' }]
        : [],
    ...(job.displayName !== undefined ? { displayName: job.displayName } : {}),
    tasks: { ...taskCounts(status), items },
    ...(status === 'succeeded' && hasMore
      ? { nextLink: `${origin}${GA_JOBS_PATH}/${job.jobId}?${nextQuery}` }
      : {}),
  };
}

const PREVIEW_TASK_LISTS = {
  single: 'customClassificationTasks',
  multi: 'customMultiClassificationTasks',
} as const;

/** The preview API calls a finished job and task `completed`. */
const previewStatus = (status: JobStatus) => (status === 'succeeded' ? 'completed' : status);

export function previewJobBody(
  job: ServiceJob,
  progress: Progress<JobStatus>,
  page: PageQuery,
  origin: string,
) {
  const status = previewStatus(progress.status);
  const times = jobTimes(job, progress);
  const listKey = PREVIEW_TASK_LISTS[job.labelMode];
  const { valid, errors, statistics, hasMore } = pageOf(job, page);
  const taskHead = {
    lastUpdateDateTime: times.lastUpdateDateTime,
    name: job.taskName ?? job.displayName ?? listKey,
    status,
  };
  const tasks =
    progress.status === 'failed'
      ? [taskHead]
      : progress.status === 'succeeded'
        ? [
            {
              ...taskHead,
              results: {
                documents: valid.map((document) => ({
                  id: document.id,
                  ...(job.labelMode === 'single'
                    ? document.classes[0]
                      ? { classification: document.classes[0] }
                      : {}
                    : { classes: document.classes }),
                  ...statistics(document),
                  warnings: document.warnings,
                })),
                errors,
                statistics: jobStatistics(job),
              },
            },
          ]
        : [];
  const nextQuery = `$top=${page.top}&$skip=${page.skip + page.top}${page.showStats ? '&showStats=true' : ''}`;
  return {
    createdDateTime: times.createdDateTime,
    ...(job.displayName !== undefined ? { displayName: job.displayName } : {}),
    expirationDateTime: times.expirationDateTime,
    jobId: job.jobId,
    lastUpdateDateTime: times.lastUpdateDateTime,
    status,
    errors:
      progress.status === 'failed' && job.failure
        ? [{ code: 'InvalidRequest', message: job.failure, target: `#/tasks/${listKey}/0` }]
        : [],
    tasks: { ...taskCounts(progress.status), [listKey]: tasks },
    ...(progress.status === 'succeeded' && hasMore
      ? {
          '@nextLink': `${origin}${previewJobsPath(job.apiVersion)}/jobs/${job.jobId}?${nextQuery}`,
        }
      : {}),
  };
}

/** Authoring jobs spell it `lastUpdatedDateTime`, unlike analyze jobs. */
export function deletionJobBody(job: DeletionJob, progress: Progress<DeletionStatus>) {
  return {
    jobId: job.jobId,
    createdDateTime: isoSeconds(job.createdAt),
    lastUpdatedDateTime: isoSeconds(progress.updatedAt),
    expirationDateTime: isoSeconds(job.createdAt + DELETION_JOB_RETENTION_MS),
    status: progress.status,
    warnings: [],
    errors: [],
  };
}
