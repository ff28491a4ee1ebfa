import '../lib/zod-config';
import { z } from 'zod';
import type { LabelMode } from '../service/model';
import type { BlobSource } from './blob-store';
import {
  DAY_MS,
  DEMO_AUTHORING_PROJECTS,
  DEMO_CATALOGUE,
  TRAINING_CONFIG_VERSIONS,
  dateOnly,
  isoSeconds,
} from './demo-authoring';
import { DEMO_PROJECTS } from './demo-settings';
import { DEMO_TRAINING_TICKETS } from './demo-training-tickets';
import { authoringJobId, randomUuid } from './job-ids';
import { MAX_DOCUMENT_CHARACTERS, projectFile, type ProjectContent } from './project-file';
import { evaluate, memoryOf, trainingProblem } from './training';

/**
 * The demo resource's projects as authoring writes change them: metadata, classes and documents
 * (with their texts), trained models (each remembering its documents) and deployments (each
 * serving a copy of the model deployed to it, so a retrained label does not change production).
 * Authoring jobs take effect when they finish, judged against the clock whenever the store is read.
 */

/** A time: absolute (`at`) or relative to now (`days`, negative in the past), as seeds are. */
const momentSchema = z.union([z.object({ at: z.number() }), z.object({ days: z.number() })]);
type Moment = z.infer<typeof momentSchema>;

const documentSchema = z.object({
  location: z.string(),
  language: z.string().optional(),
  dataset: z.enum(['Train', 'Test']).optional(),
  labels: z.array(z.string()),
  text: z.string(),
});
export type StoredDocument = z.infer<typeof documentSchema>;

const modelSchema = z.object({
  label: z.string(),
  modelId: z.string().optional(),
  trainedAt: momentSchema,
  expiresAt: momentSchema,
  trainingConfigVersion: z.string(),
  trainingSeconds: z.number(),
  hasSnapshot: z.boolean(),
  variant: z.string().optional(),
  classes: z.array(z.string()),
  /** Normalised text → labels of every document it was trained on. */
  memory: z.array(z.tuple([z.string(), z.array(z.string())])),
  evaluation: z.unknown(),
});
export type StoredModel = z.infer<typeof modelSchema>;

const deploymentSchema = z.object({
  name: z.string(),
  model: modelSchema,
  deployedAt: momentSchema,
});

const projectSchema = z.object({
  projectName: z.string(),
  projectKind: z.string(),
  language: z.string(),
  multilingual: z.boolean(),
  description: z.string().optional(),
  storageInputContainerName: z.string(),
  settings: z.record(z.string(), z.unknown()),
  createdAt: momentSchema,
  modifiedAt: momentSchema,
  classes: z.array(z.string()),
  documents: z.array(documentSchema),
  models: z.array(modelSchema),
  deployments: z.array(deploymentSchema),
});
export type StoredProject = z.infer<typeof projectSchema>;

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  target: z.string().optional(),
});
export type JobError = z.infer<typeof errorSchema>;

const AUTHORING_JOB_KINDS = ['export', 'import', 'train', 'deployment', 'swap'] as const;
export type AuthoringJobKind = (typeof AUTHORING_JOB_KINDS)[number];

const evaluationOptionsSchema = z.union([
  z.object({
    kind: z.literal('percentage'),
    trainingSplitPercentage: z.number(),
    testingSplitPercentage: z.number(),
  }),
  z.object({ kind: z.literal('manual') }),
]);

const jobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(AUTHORING_JOB_KINDS),
  projectName: z.string(),
  apiVersion: z.string(),
  createdAt: z.number(),
  /** How long it runs once started. */
  runMs: z.number(),
  cancelRequestedAt: z.number().optional(),
  errors: z.array(errorSchema).optional(),
  /** An import still reading its blobs: running until they are read. */
  pending: z.boolean().optional(),
  readAt: z.number().optional(),
  /** What an import will make of the project. */
  content: projectSchema.optional(),
  train: z
    .object({
      modelLabel: z.string(),
      trainingConfigVersion: z.string(),
      evaluationOptions: evaluationOptionsSchema,
    })
    .optional(),
  /** A deployment job: the model to deploy, or none to delete the deployment. */
  deployment: z.object({ name: z.string(), modelLabel: z.string().optional() }).optional(),
  swap: z.object({ first: z.string(), second: z.string() }).optional(),
  /** An export's project file, taken when it finished. */
  result: z.unknown().optional(),
  appliedAt: z.number().optional(),
});
export type AuthoringJob = z.infer<typeof jobSchema>;

const snapshotSchema = z.object({
  version: z.literal(1),
  projects: z.array(projectSchema),
  jobs: z.array(jobSchema),
});
type Snapshot = z.infer<typeof snapshotSchema>;

export const AUTHORING_STORAGE_KEY = 'classify-console:demo-authoring';
export const AUTHORING_JOB_RETENTION_MS = 7 * DAY_MS;
const MAX_STORED_AUTHORING_JOBS = 40;
export const MAX_MODELS = 10;
export const MAX_DEPLOYMENTS = 10;

export type AuthoringStatus =
  'notStarted' | 'running' | 'succeeded' | 'failed' | 'cancelling' | 'cancelled';

export interface AuthoringProgress {
  status: AuthoringStatus;
  updatedAt: number;
  /** 0–1 of the running time; 1 once finished. */
  fraction: number;
  startedAt: number;
  endsAt: number;
}

export interface AuthoringTiming {
  queuedMs: number;
  /** Export, import, deployment and swap jobs. */
  authoringMs: number;
  trainMs: number;
  cancelMs: number;
}

const labelModeOfKind = (kind: string): LabelMode | undefined =>
  kind === 'CustomSingleLabelClassification'
    ? 'single'
    : kind === 'CustomMultiLabelClassification'
      ? 'multi'
      : undefined;

function seedProjects(supportTicketsContainer: string | undefined): StoredProject[] {
  return DEMO_AUTHORING_PROJECTS.map((project) => {
    const catalogue = DEMO_CATALOGUE[project.projectName];
    const classes =
      project.projectName === DEMO_PROJECTS.single.projectName
        ? [...DEMO_PROJECTS.single.classes]
        : project.projectName === DEMO_PROJECTS.multi.projectName
          ? [...DEMO_PROJECTS.multi.classes]
          : [];
    const models: StoredModel[] = (catalogue?.models ?? []).map((model) => ({
      label: model.label,
      trainedAt: { days: -model.trainedDaysAgo },
      expiresAt: { days: model.expiresInDays },
      trainingConfigVersion: model.trainingConfigVersion,
      trainingSeconds: model.trainingSeconds,
      hasSnapshot: model.hasSnapshot,
      ...(model.variant ? { variant: model.variant } : {}),
      classes,
      memory: [],
      evaluation: model.evaluation,
    }));
    const lastTrained = Math.min(...(catalogue?.models.map((model) => model.trainedDaysAgo) ?? []));
    return {
      projectName: project.projectName,
      projectKind: project.projectKind,
      language: project.language,
      multilingual: project.multilingual,
      description: project.description,
      storageInputContainerName:
        project.projectName === DEMO_PROJECTS.single.projectName && supportTicketsContainer
          ? supportTicketsContainer
          : project.storageInputContainerName,
      settings:
        project.confidenceThreshold === undefined
          ? {}
          : { confidenceThreshold: project.confidenceThreshold },
      createdAt: { days: -project.createdDaysAgo },
      modifiedAt: { days: -Math.min(project.createdDaysAgo, lastTrained) },
      classes,
      documents:
        project.projectName === DEMO_PROJECTS.single.projectName
          ? DEMO_TRAINING_TICKETS.map(({ location, label, dataset, text }) => ({
              location,
              language: 'en-us',
              dataset,
              labels: [label],
              text,
            }))
          : [],
      models,
      deployments: (catalogue?.deployments ?? []).flatMap((deployment) => {
        const model = models.find((item) => item.label === deployment.modelLabel);
        return model
          ? [
              {
                name: deployment.deploymentName,
                model,
                deployedAt: { days: -deployment.deployedDaysAgo },
              },
            ]
          : [];
      }),
    };
  });
}

export interface AuthoringStoreOptions {
  now: () => number;
  timing: AuthoringTiming;
  persistence?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** The storage account linked to the resource, where `:import` reads documents. */
  storage: BlobSource;
  /** Authoring POSTs accepted per minute; more are answered 429 (documented limit: 10). */
  postsPerMinute: number;
  /** The container SupportTickets names, when not its own `support-tickets`. */
  supportTicketsContainer?: string | undefined;
}

export type AuthoringStore = ReturnType<typeof createAuthoringStore>;

/** Why a write cannot start now: another job of the project is running. */
export interface Conflict {
  conflict: AuthoringJob;
}

export function createAuthoringStore(options: AuthoringStoreOptions) {
  const { now, timing, persistence } = options;
  const seededSnapshot = (): Snapshot => ({
    version: 1,
    projects: seedProjects(options.supportTicketsContainer),
    jobs: [],
  });
  let snapshot = load();
  let nextTrainingFailure: { code: string; message: string } | undefined;
  let recentPosts: number[] = [];

  function load(): Snapshot {
    try {
      const stored = persistence?.getItem(AUTHORING_STORAGE_KEY);
      if (stored) {
        const parsed = snapshotSchema.safeParse(JSON.parse(stored));
        if (parsed.success) {
          // An import whose blobs were still being read when the page went away never finishes.
          for (const job of parsed.data.jobs) {
            if (job.pending) {
              job.pending = false;
              job.readAt = job.createdAt;
              job.errors = [
                {
                  code: 'InternalServerError',
                  message: 'The import was interrupted. Import again.',
                },
              ];
            }
          }
          return parsed.data;
        }
      }
    } catch {
      // Unreadable: start as a first visit does.
    }
    return seededSnapshot();
  }

  function save(): void {
    const cutoff = now() - AUTHORING_JOB_RETENTION_MS;
    snapshot.jobs = snapshot.jobs
      .filter((job) => job.createdAt > cutoff)
      .slice(-MAX_STORED_AUTHORING_JOBS);
    try {
      persistence?.setItem(AUTHORING_STORAGE_KEY, JSON.stringify(snapshot));
    } catch {
      // Storage full or disabled: the demo keeps working in memory.
    }
  }

  const timeOf = (moment: Moment) => ('at' in moment ? moment.at : now() + moment.days * DAY_MS);

  const findProject = (projectName: string) =>
    snapshot.projects.find((project) => project.projectName === projectName);

  function progress(job: AuthoringJob): AuthoringProgress {
    const at = now();
    const startedAt = job.createdAt + timing.queuedMs;
    const endsAt = Math.max(startedAt + job.runMs, job.readAt ?? 0);
    const base = { startedAt, endsAt };
    if (job.cancelRequestedAt !== undefined) {
      const cancelledAt = job.cancelRequestedAt + timing.cancelMs;
      const fraction = Math.min(1, Math.max(0, (job.cancelRequestedAt - startedAt) / job.runMs));
      return at < cancelledAt
        ? { ...base, status: 'cancelling', updatedAt: job.cancelRequestedAt, fraction }
        : { ...base, status: 'cancelled', updatedAt: cancelledAt, fraction };
    }
    if (at < startedAt)
      return { ...base, status: 'notStarted', updatedAt: job.createdAt, fraction: 0 };
    if (at < endsAt || job.pending) {
      const fraction = Math.min(0.99, (at - startedAt) / Math.max(1, job.runMs));
      return { ...base, status: 'running', updatedAt: startedAt, fraction };
    }
    return {
      ...base,
      status: job.errors?.length ? 'failed' : 'succeeded',
      updatedAt: endsAt,
      fraction: 1,
    };
  }

  function modelOf(project: StoredProject, job: AuthoringJob): StoredModel | undefined {
    const train = job.train;
    if (!train) return undefined;
    const labelMode = labelModeOfKind(project.projectKind) ?? 'single';
    const at = progress(job).endsAt;
    const version = TRAINING_CONFIG_VERSIONS.find(
      (item) => item.trainingConfigVersion === train.trainingConfigVersion,
    );
    const stamp = new Date(at).toISOString().replace(/[-:]/g, '').slice(0, 15);
    return {
      label: train.modelLabel,
      modelId: `${train.modelLabel}-${stamp}-${randomUuid().replace(/-/g, '')}`,
      trainedAt: { at },
      expiresAt: { at: now() + (version?.expiresInDays ?? 365) * DAY_MS },
      trainingConfigVersion: train.trainingConfigVersion,
      trainingSeconds: Math.max(1, Math.round(job.runMs / 1000)),
      hasSnapshot: true,
      classes: [...project.classes],
      memory: memoryOf(project.documents),
      evaluation: evaluate(project.documents, project.classes, labelMode, train.evaluationOptions),
    };
  }

  /** Applies what each finished job does, oldest first, once. */
  function settle(): void {
    let changed = false;
    for (const job of [...snapshot.jobs].sort((a, b) => a.createdAt - b.createdAt)) {
      if (job.appliedAt !== undefined || progress(job).status !== 'succeeded') continue;
      const at = progress(job).endsAt;
      job.appliedAt = at;
      changed = true;
      const project = findProject(job.projectName);
      if (job.kind === 'import' && job.content) {
        const replaced = job.content;
        if (project) {
          Object.assign(project, {
            ...replaced,
            createdAt: project.createdAt,
            models: project.models,
            deployments: project.deployments,
            modifiedAt: { at },
          });
        } else {
          snapshot.projects.push({ ...replaced, createdAt: { at }, modifiedAt: { at } });
        }
        delete job.content;
      }
      if (!project) continue;
      if (job.kind === 'export') job.result = projectFile(contentOf(project));
      if (job.kind === 'train') {
        const model = modelOf(project, job);
        if (model) {
          project.models = [...project.models.filter((item) => item.label !== model.label), model];
          project.modifiedAt = { at };
        }
      }
      if (job.kind === 'deployment' && job.deployment) {
        const { name, modelLabel } = job.deployment;
        const others = project.deployments.filter((item) => item.name !== name);
        const model = project.models.find((item) => item.label === modelLabel);
        project.deployments = model ? [...others, { name, model, deployedAt: { at } }] : others;
      }
      if (job.kind === 'swap' && job.swap) {
        const first = project.deployments.find((item) => item.name === job.swap?.first);
        const second = project.deployments.find((item) => item.name === job.swap?.second);
        if (first && second) {
          [first.model, second.model] = [second.model, first.model];
          first.deployedAt = { at };
          second.deployedAt = { at };
        }
      }
    }
    if (changed) save();
  }

  function contentOf(project: StoredProject): ProjectContent {
    return {
      metadata: {
        projectKind: project.projectKind,
        storageInputContainerName: project.storageInputContainerName,
        projectName: project.projectName,
        language: project.language,
        settings: project.settings,
        multilingual: project.multilingual,
        ...(project.description !== undefined ? { description: project.description } : {}),
      },
      classes: project.classes,
      documents: project.documents,
    };
  }

  function isRunning(job: AuthoringJob): boolean {
    const { status } = progress(job);
    return status === 'notStarted' || status === 'running' || status === 'cancelling';
  }

  /** The running job of the project that `kind` may not overlap, if any. */
  function conflictFor(projectName: string, kind: AuthoringJobKind): AuthoringJob | undefined {
    return snapshot.jobs.find((job) => {
      if (job.projectName !== projectName || !isRunning(job)) return false;
      // Import replaces the project: nothing may run beside it, and it waits for everything.
      if (kind === 'import' || job.kind === 'import') return true;
      // Training and export read the project; deployments change only what is served.
      if (kind === 'train' || kind === 'export')
        return job.kind === 'train' || job.kind === 'export';
      return job.kind === 'deployment' || job.kind === 'swap';
    });
  }

  function addJob(
    projectName: string,
    kind: AuthoringJobKind,
    apiVersion: string,
    fields: Partial<AuthoringJob> = {},
  ): AuthoringJob | Conflict {
    settle();
    const conflict = conflictFor(projectName, kind);
    if (conflict) return { conflict };
    const job: AuthoringJob = {
      jobId: authoringJobId(now()),
      kind,
      projectName,
      apiVersion,
      createdAt: now(),
      runMs: kind === 'train' ? timing.trainMs : timing.authoringMs,
      ...fields,
    };
    snapshot.jobs.push(job);
    save();
    return job;
  }

  const store = {
    now,
    progress,

    hasProject(projectName: string): boolean {
      settle();
      return findProject(projectName) !== undefined;
    },

    project(projectName: string): StoredProject | undefined {
      settle();
      return findProject(projectName);
    },

    projects(): StoredProject[] {
      settle();
      return snapshot.projects;
    },

    timeOf,

    labelModeOf(projectName: string): LabelMode | undefined {
      const project = store.project(projectName);
      return project ? labelModeOfKind(project.projectKind) : undefined;
    },

    /** One POST more in this minute, or the seconds until one is allowed (429's Retry-After). */
    admitPost(): number | undefined {
      const at = now();
      recentPosts = recentPosts.filter((time) => time > at - 60_000);
      const oldest = recentPosts[0];
      if (recentPosts.length >= options.postsPerMinute && oldest !== undefined) {
        return Math.max(1, Math.ceil((oldest + 60_000 - at) / 1000));
      }
      recentPosts.push(at);
      return undefined;
    },

    /** PATCH: creates (true) or updates (false) the project's metadata. */
    upsertProject(
      projectName: string,
      patch: {
        projectKind?: string | undefined;
        storageInputContainerName?: string | undefined;
        language?: string | undefined;
        multilingual?: boolean | undefined;
        description?: string | undefined;
        settings?: Record<string, unknown> | undefined;
      },
    ): boolean {
      settle();
      const existing = findProject(projectName);
      const at = { at: now() };
      if (existing) {
        if (patch.storageInputContainerName !== undefined) {
          existing.storageInputContainerName = patch.storageInputContainerName;
        }
        if (patch.language !== undefined) existing.language = patch.language;
        if (patch.multilingual !== undefined) existing.multilingual = patch.multilingual;
        if (patch.description !== undefined) existing.description = patch.description;
        // Merge patch: a null removes a setting.
        existing.settings = Object.fromEntries(
          Object.entries({ ...existing.settings, ...patch.settings }).filter(
            ([, value]) => value !== null,
          ),
        );
        existing.modifiedAt = at;
      } else {
        snapshot.projects.push({
          projectName,
          projectKind: patch.projectKind ?? '',
          language: patch.language ?? '',
          multilingual: patch.multilingual ?? false,
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          storageInputContainerName: patch.storageInputContainerName ?? '',
          settings: Object.fromEntries(
            Object.entries(patch.settings ?? {}).filter(([, value]) => value !== null),
          ),
          createdAt: at,
          modifiedAt: at,
          classes: [],
          documents: [],
          models: [],
          deployments: [],
        });
      }
      save();
      return !existing;
    },

    /** False when the project has no model of that label. */
    deleteModel(projectName: string, label: string): boolean {
      const project = store.project(projectName);
      if (!project?.models.some((model) => model.label === label)) return false;
      project.models = project.models.filter((model) => model.label !== label);
      save();
      return true;
    },

    removeProject(projectName: string): boolean {
      const before = snapshot.projects.length;
      snapshot.projects = snapshot.projects.filter(
        (project) => project.projectName !== projectName,
      );
      save();
      return snapshot.projects.length < before;
    },

    startExport(projectName: string, apiVersion: string) {
      return addJob(projectName, 'export', apiVersion);
    },

    /** Starts reading the documents' blobs; the job fails if one is missing, empty or too long. */
    startImport(projectName: string, apiVersion: string, content: ProjectContent) {
      const job = addJob(projectName, 'import', apiVersion, { pending: true });
      if ('conflict' in job) return job;
      const container = content.metadata.storageInputContainerName;
      const locations = content.documents.map((document) => document.location);
      const finish = (errors: JobError[] | undefined, project?: StoredProject) => {
        job.pending = false;
        job.readAt = now();
        if (errors?.length) job.errors = errors;
        else if (project) job.content = project;
        save();
      };
      options.storage
        .readTexts(container, locations)
        .then((reading) => {
          if ('failure' in reading) {
            finish([storageError(reading.failure, container, reading.detail)]);
            return;
          }
          const errors: JobError[] = [];
          content.documents.forEach((document, index) => {
            const text = reading.texts.get(document.location);
            const target = `#/assets/documents/${index}/location`;
            if (text === undefined) {
              errors.push({
                code: 'InvalidRequest',
                message: `The document '${document.location}' was not found in the storage container '${container}'.`,
                target,
              });
            } else if (text.length === 0) {
              errors.push({
                code: 'InvalidRequest',
                message: `The document '${document.location}' is empty. Empty files are not allowed.`,
                target,
              });
            } else if (text.length > MAX_DOCUMENT_CHARACTERS) {
              errors.push({
                code: 'InvalidRequest',
                message: `The document '${document.location}' has ${text.length} characters; at most ${MAX_DOCUMENT_CHARACTERS} are allowed.`,
                target,
              });
            }
          });
          if (errors.length) {
            finish(errors);
            return;
          }
          const { metadata } = content;
          finish(undefined, {
            projectName,
            projectKind: metadata.projectKind,
            language: metadata.language,
            multilingual: metadata.multilingual ?? false,
            ...(metadata.description !== undefined ? { description: metadata.description } : {}),
            storageInputContainerName: container,
            settings: metadata.settings ?? {},
            createdAt: { at: job.createdAt },
            modifiedAt: { at: job.createdAt },
            classes: content.classes,
            documents: content.documents.map((document) => ({
              location: document.location,
              ...(document.language !== undefined ? { language: document.language } : {}),
              ...(document.dataset !== undefined ? { dataset: document.dataset } : {}),
              labels: document.labels,
              text: reading.texts.get(document.location) ?? '',
            })),
            models: [],
            deployments: [],
          });
        })
        .catch((error: unknown) =>
          finish([
            storageError(
              'unavailable',
              container,
              error instanceof Error ? error.message : undefined,
            ),
          ]),
        );
      return job;
    },

    /** The job fails (the project keeps its models) when the data cannot train a model. */
    startTraining(
      projectName: string,
      apiVersion: string,
      train: NonNullable<AuthoringJob['train']>,
    ) {
      const project = findProject(projectName);
      const forced = nextTrainingFailure;
      nextTrainingFailure = undefined;
      const problem =
        forced ??
        (project
          ? trainingProblem(project.documents, project.classes, train.evaluationOptions)
          : undefined);
      return addJob(projectName, 'train', apiVersion, {
        train,
        ...(problem ? { errors: [problem] } : {}),
      });
    },

    startDeployment(projectName: string, apiVersion: string, name: string, modelLabel?: string) {
      return addJob(projectName, 'deployment', apiVersion, {
        deployment: { name, ...(modelLabel !== undefined ? { modelLabel } : {}) },
      });
    },

    startSwap(projectName: string, apiVersion: string, first: string, second: string) {
      return addJob(projectName, 'swap', apiVersion, { swap: { first, second } });
    },

    /** A finished job ignores the request, as the service does. */
    cancel(job: AuthoringJob): void {
      if (!isRunning(job) || job.cancelRequestedAt !== undefined) return;
      job.cancelRequestedAt = now();
      save();
    },

    /**
     * Tests only (never reachable from the demo's UI or over HTTP): the next training job ends
     * `failed` with this error, as a real one does when the service cannot train, and adds no model.
     */
    failNextTraining(error: { code: string; message: string }): void {
      nextTrainingFailure = error;
    },

    /** Undefined for unknown, expired or other projects' jobs. */
    findJob(projectName: string, kind: AuthoringJobKind, jobId: string): AuthoringJob | undefined {
      settle();
      const job = snapshot.jobs.find((candidate) => candidate.jobId === jobId);
      if (job?.projectName !== projectName || job.kind !== kind) return undefined;
      return now() < job.createdAt + AUTHORING_JOB_RETENTION_MS ? job : undefined;
    },

    jobsOf(projectName: string, kind: AuthoringJobKind): AuthoringJob[] {
      settle();
      return snapshot.jobs.filter((job) => job.projectName === projectName && job.kind === kind);
    },

    reset(): void {
      snapshot = seededSnapshot();
      recentPosts = [];
      save();
    },
  };
  return store;
}

function storageError(
  failure: 'container-not-found' | 'forbidden' | 'unavailable',
  container: string,
  detail?: string,
): JobError {
  const target = '#/metadata/storageInputContainerName';
  if (failure === 'container-not-found') {
    return {
      code: 'InvalidRequest',
      message: `The storage container '${container}' does not exist in the storage account connected to the Language resource.`,
      target,
    };
  }
  if (failure === 'forbidden') {
    return {
      code: 'Forbidden',
      message: `The Language resource is not allowed to read the storage container '${container}'. Its managed identity needs the Storage Blob Data Contributor role on the storage account.`,
      target,
    };
  }
  return {
    code: 'InternalServerError',
    message: `The storage account connected to the Language resource could not be read${detail ? ` (${detail})` : ''}.`,
  };
}

export const isoOf = isoSeconds;
export const dateOf = dateOnly;
