import '../lib/zod-config';
import { z } from 'zod';
import { API_GENERATIONS, type ApiGeneration } from '../service/api-profiles';
import type { LabelMode } from '../service/model';
import { AUTHORING_STORAGE_KEY, createAuthoringStore } from './authoring-store';
import { BLOB_STORAGE_KEY, createBlobStore, type BlobSource } from './blob-store';
import {
  MODEL_VARIANTS,
  resolveModel,
  type ModelReference,
  type ServedProjects,
} from './demo-models';
import { analyseDocument } from './document-analysis';
import { documentOutcomeSchema } from './document-outcome';
import { authoringJobId, randomUuid } from './job-ids';

/**
 * What the simulated service remembers: analysis jobs, deletion jobs, and (in the authoring store)
 * the resource's projects with their documents, models and deployments, and its storage account.
 */

export interface ServiceTiming {
  /** A job is `notStarted` this long after submission… */
  queuedMs: number;
  /** …then `running` this long, then finished… */
  runMs: number;
  /** …plus this long per document (0 by default), so that bigger jobs take longer, as real ones do. */
  perDocumentMs: number;
  /** How long a cancelled job reports `cancelling`. */
  cancelMs: number;
  /** A project deletion job finishes this long after the DELETE. */
  deletionMs: number;
  /** Export, import, deployment and swap jobs run this long once started. */
  authoringMs: number;
  /** A training job runs this long once started. */
  trainMs: number;
}

const DEFAULT_TIMING: ServiceTiming = {
  queuedMs: 400,
  runMs: 1600,
  perDocumentMs: 0,
  cancelMs: 300,
  deletionMs: 1000,
  authoringMs: 1200,
  trainMs: 6000,
};

export const STORAGE_KEY = 'classify-console:demo-service';
export const JOB_RETENTION_MS = 24 * 60 * 60 * 1000;
export const DELETION_JOB_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_STORED_JOBS = 50;

/** Snapshots stored before the preview generation was renamed say `seed`. */
const apiSchema = z.preprocess(
  (value) => (value === 'seed' ? 'preview' : value),
  z.enum(API_GENERATIONS),
);

const jobSchema = z.object({
  jobId: z.string(),
  api: apiSchema,
  apiVersion: z.string(),
  createdAt: z.number(),
  displayName: z.string().optional(),
  labelMode: z.enum(['single', 'multi']),
  taskName: z.string().optional(),
  projectName: z.string().optional(),
  deploymentName: z.string().optional(),
  modelId: z.string().optional(),
  documents: z.array(documentOutcomeSchema),
  /** Why the task failed (unknown project, deployment or model); the job fails when it finishes. */
  failure: z.string().optional(),
  cancelRequestedAt: z.number().optional(),
});
export type ServiceJob = z.infer<typeof jobSchema>;

const deletionJobSchema = z.object({
  jobId: z.string(),
  api: apiSchema,
  apiVersion: z.string(),
  projectName: z.string(),
  createdAt: z.number(),
});
export type DeletionJob = z.infer<typeof deletionJobSchema>;

const snapshotSchema = z.object({
  version: z.literal(1),
  jobs: z.array(jobSchema),
  deletedProjects: z.array(z.string()),
  deletionJobs: z.array(deletionJobSchema),
});
type Snapshot = z.infer<typeof snapshotSchema>;

export type JobStatus =
  'notStarted' | 'running' | 'succeeded' | 'failed' | 'cancelling' | 'cancelled';
export type DeletionStatus = 'notStarted' | 'running' | 'succeeded';

export interface Progress<S> {
  status: S;
  updatedAt: number;
}

export interface JobSubmission {
  api: ApiGeneration;
  apiVersion: string;
  displayName?: string | undefined;
  labelMode: LabelMode;
  taskName?: string | undefined;
  model: ModelReference;
  documents: readonly { id: string; text: string; language?: string | undefined }[];
  /** Whether the version reports the language of documents sent with `language: "auto"`. */
  detectsLanguage?: boolean;
}

/** Anything with localStorage's two methods; `window.localStorage` fits. */
export type ServicePersistence = Pick<Storage, 'getItem' | 'setItem'>;

export interface ServiceStateOptions {
  timing?: Partial<ServiceTiming>;
  now?: () => number;
  persistence?: ServicePersistence | undefined;
  /**
   * The storage account connected to the resource, where `:import` reads documents. By default the
   * simulated account the demo's blob handlers serve (`state.blobs`); over HTTP it may be Azurite.
   */
  storage?: BlobSource;
  /** Authoring POSTs accepted per minute before 429 (the documented limit, 10, by default). */
  authoringPostsPerMinute?: number;
  /** The container the SupportTickets project names (`support-tickets` unless told). */
  supportTicketsContainer?: string;
}

/** Erase all data on this device: the demo's jobs, projects and blobs, as a first visit has them. */
export function eraseServiceState(persistence: Pick<Storage, 'removeItem'>): void {
  persistence.removeItem(STORAGE_KEY);
  persistence.removeItem(AUTHORING_STORAGE_KEY);
  persistence.removeItem(BLOB_STORAGE_KEY);
}

function emptySnapshot(): Snapshot {
  return { version: 1, jobs: [], deletedProjects: [], deletionJobs: [] };
}

function loadSnapshot(persistence: ServicePersistence | undefined): Snapshot {
  try {
    const stored = persistence?.getItem(STORAGE_KEY);
    if (!stored) return emptySnapshot();
    const parsed = snapshotSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : emptySnapshot();
  } catch {
    return emptySnapshot();
  }
}

export type ServiceState = ReturnType<typeof createServiceState>;

export function createServiceState(options: ServiceStateOptions = {}) {
  const timing: ServiceTiming = { ...DEFAULT_TIMING, ...options.timing };
  const now = options.now ?? Date.now;
  const { persistence } = options;
  let snapshot = loadSnapshot(persistence);
  const blobs = createBlobStore({ now, persistence });
  const authoring = createAuthoringStore({
    now,
    timing,
    persistence,
    storage: options.storage ?? blobs.source,
    postsPerMinute: options.authoringPostsPerMinute ?? 10,
    supportTicketsContainer: options.supportTicketsContainer,
  });
  // Projects deleted before the authoring store existed stay deleted.
  if (snapshot.deletedProjects.length > 0) {
    for (const projectName of snapshot.deletedProjects) authoring.removeProject(projectName);
    snapshot.deletedProjects = [];
  }

  function save(): void {
    const cutoff = now() - JOB_RETENTION_MS;
    snapshot.jobs = snapshot.jobs.filter((job) => job.createdAt > cutoff).slice(-MAX_STORED_JOBS);
    snapshot.deletionJobs = snapshot.deletionJobs.slice(-MAX_STORED_JOBS);
    try {
      persistence?.setItem(STORAGE_KEY, JSON.stringify(snapshot));
    } catch {
      // Storage full or disabled: the demo keeps working in memory.
    }
  }

  function isProjectAvailable(projectName: string): boolean {
    return authoring.hasProject(projectName);
  }

  const servedProjects: ServedProjects = {
    isAvailable: isProjectAvailable,
    labelModeOf: (projectName) => authoring.labelModeOf(projectName),
    served(projectName, deploymentName) {
      const deployment = authoring
        .project(projectName)
        ?.deployments.find((item) => item.name === deploymentName);
      if (!deployment) return undefined;
      const { model } = deployment;
      return {
        classes: model.classes,
        variant: model.variant === undefined ? undefined : MODEL_VARIANTS[model.variant],
        memory: new Map(model.memory),
      };
    },
  };

  function finishesAt(job: ServiceJob): number {
    return (
      job.createdAt + timing.queuedMs + timing.runMs + timing.perDocumentMs * job.documents.length
    );
  }

  return {
    timing,
    now,
    authoring,
    /** The simulated storage account (the demo's blob handlers serve it). */
    blobs,

    submitJob(submission: JobSubmission): ServiceJob {
      const resolved = resolveModel(submission, servedProjects);
      const classes = 'classes' in resolved ? resolved.classes : undefined;
      const variant = 'classes' in resolved ? resolved.variant : undefined;
      const memory = 'classes' in resolved ? resolved.memory : undefined;
      const job: ServiceJob = {
        jobId: randomUuid(),
        api: submission.api,
        apiVersion: submission.apiVersion,
        createdAt: now(),
        displayName: submission.displayName,
        labelMode: submission.labelMode,
        taskName: submission.taskName,
        ...submission.model,
        documents: submission.documents.map((document) =>
          analyseDocument(document, classes, submission.labelMode, variant, {
            detectsLanguage: submission.detectsLanguage ?? false,
            memory,
          }),
        ),
        failure: 'failure' in resolved ? resolved.failure : undefined,
      };
      snapshot.jobs.push(job);
      save();
      return job;
    },

    /** Undefined for unknown jobs, jobs of the other API generation and expired jobs. */
    findJob(jobId: string, api: ApiGeneration): ServiceJob | undefined {
      const job = snapshot.jobs.find((candidate) => candidate.jobId === jobId);
      if (job?.api !== api || now() >= job.createdAt + JOB_RETENTION_MS) return undefined;
      return job;
    },

    jobProgress(job: ServiceJob): Progress<JobStatus> {
      const at = now();
      const { createdAt, cancelRequestedAt } = job;
      if (cancelRequestedAt !== undefined) {
        const cancelledAt = cancelRequestedAt + timing.cancelMs;
        return at < cancelledAt
          ? { status: 'cancelling', updatedAt: cancelRequestedAt }
          : { status: 'cancelled', updatedAt: cancelledAt };
      }
      if (at < createdAt + timing.queuedMs) return { status: 'notStarted', updatedAt: createdAt };
      if (at < finishesAt(job)) {
        return { status: 'running', updatedAt: createdAt + timing.queuedMs };
      }
      return { status: job.failure ? 'failed' : 'succeeded', updatedAt: finishesAt(job) };
    },

    /** A finished job ignores the request, as the service does. */
    cancelJob(job: ServiceJob): void {
      if (job.cancelRequestedAt !== undefined || now() >= finishesAt(job)) return;
      job.cancelRequestedAt = now();
      save();
    },

    /** Undefined when the project does not exist (or was deleted already). */
    deleteProject(projectName: string, api: ApiGeneration, apiVersion: string) {
      if (!isProjectAvailable(projectName)) return undefined;
      const deletion: DeletionJob = {
        jobId: authoringJobId(now()),
        api,
        apiVersion,
        projectName,
        createdAt: now(),
      };
      authoring.removeProject(projectName);
      snapshot.deletionJobs.push(deletion);
      save();
      return deletion;
    },

    findDeletionJob(jobId: string, api: ApiGeneration): DeletionJob | undefined {
      const job = snapshot.deletionJobs.find((candidate) => candidate.jobId === jobId);
      if (job?.api !== api || now() >= job.createdAt + DELETION_JOB_RETENTION_MS) {
        return undefined;
      }
      return job;
    },

    deletionProgress(job: DeletionJob): Progress<DeletionStatus> {
      const elapsed = now() - job.createdAt;
      const startedAfter = Math.round(timing.deletionMs * 0.3);
      if (elapsed < startedAfter) return { status: 'notStarted', updatedAt: job.createdAt };
      if (elapsed < timing.deletionMs) {
        return { status: 'running', updatedAt: job.createdAt + startedAfter };
      }
      return { status: 'succeeded', updatedAt: job.createdAt + timing.deletionMs };
    },

    isProjectAvailable,

    /** Forgets every job, brings the projects back as seeded, and the blobs. */
    reset(): void {
      snapshot = emptySnapshot();
      authoring.reset();
      blobs.reset();
      save();
    },
  };
}
