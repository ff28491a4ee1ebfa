import '../lib/zod-config';
import { HttpResponse, type HttpHandler, type PathParams } from 'msw';
import { z } from 'zod';
import { GA_PROJECTS_PATH } from '../service/ga';
import { authoringJobBody, deploymentBody, modelBody, projectBody } from './authoring-bodies';
import type { AuthoringJob, AuthoringJobKind, Conflict } from './authoring-store';
import { MAX_DEPLOYMENTS, MAX_MODELS } from './authoring-store';
import { returnsProjectSettings, TRAINING_CONFIG_VERSIONS } from './demo-authoring';
import { CLASSIFICATION_KINDS, isValidProjectName, readProjectFile } from './project-file';
import {
  authoringTooManyRequests,
  conflict,
  deploymentNotFound,
  invalidArgument,
  jobNotFound,
  modelNotFound,
  projectNotFound,
  resourceNotFound,
} from './service-errors';
import type { ServiceState } from './service-state';

/**
 * The authoring writes (authoring contract A.1–A.6) and their jobs: PATCH project, `:export`,
 * `:import`, `:train` (+ cancel), deployments PUT/DELETE, `deployments/:swap`, and reads of single
 * models and deployments. Every write job answers 202 with `operation-location`.
 */

type Resolve = (info: {
  request: Request;
  params: PathParams;
}) => Response | undefined | Promise<Response | undefined>;
type Route = (
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  resolve: Resolve,
) => HttpHandler;

const NAME = /^[A-Za-z0-9_.-]{1,50}$/;
const KNOWN_KINDS: readonly string[] = [...CLASSIFICATION_KINDS, 'CustomEntityRecognition'];

const param = (params: PathParams, name: string) => {
  const value = params[name];
  return typeof value === 'string' ? decodeURIComponent(value) : '';
};

const trainSchema = z.object({
  modelLabel: z.string(),
  trainingConfigVersion: z.string(),
  evaluationOptions: z
    .object({
      kind: z.enum(['percentage', 'manual']).optional(),
      trainingSplitPercentage: z.number().int().min(0).max(100).optional(),
      testingSplitPercentage: z.number().int().min(0).max(100).optional(),
    })
    .optional(),
  dataGenerationSettings: z.unknown().optional(),
});

const patchSchema = z.object({
  projectName: z.string().optional(),
  projectKind: z.string().optional(),
  storageInputContainerName: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  multilingual: z.boolean().optional(),
  description: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

const deploySchema = z.object({
  trainedModelLabel: z.string().min(1),
  assignedResourceIds: z.array(z.string()).optional(),
});

const swapSchema = z.object({
  firstDeploymentName: z.string().min(1),
  secondDeploymentName: z.string().min(1),
});

async function readJson(request: Request): Promise<{ body: unknown } | { rejection: Response }> {
  const text = await request.text();
  if (!text.trim()) return { body: undefined };
  try {
    const body: unknown = JSON.parse(text);
    return { body };
  } catch {
    return { rejection: invalidArgument('The request body is not valid JSON.') };
  }
}

const zodProblem = (error: z.ZodError) => {
  const issue = error.issues[0];
  const path = issue?.path.join('/') ?? '';
  return invalidArgument(
    `The request body is invalid at '${path}': ${issue?.message ?? 'unreadable'}.`,
    `#/${path}`,
  );
};

export function createAuthoringWriteRoutes(options: {
  origin: string;
  state: ServiceState;
  route: Route;
  authoringVersions: readonly string[];
}) {
  const { origin, state, route, authoringVersions } = options;
  const store = state.authoring;
  const projectUrl = (projectName: string) =>
    `${origin}${GA_PROJECTS_PATH}/${encodeURIComponent(projectName)}`;
  const apiVersionOf = (request: Request) =>
    new URL(request.url).searchParams.get('api-version') ?? '';

  /** Where a job is followed, per kind (A.1, A.2, A.4, A.6). */
  const jobUrl = (job: AuthoringJob) => {
    const base = projectUrl(job.projectName);
    const query = `?api-version=${job.apiVersion}`;
    switch (job.kind) {
      case 'export':
        return `${base}/export/jobs/${job.jobId}${query}`;
      case 'import':
        return `${base}/import/jobs/${job.jobId}${query}`;
      case 'train':
        return `${base}/train/jobs/${job.jobId}${query}`;
      case 'swap':
        return `${base}/deployments/swap/jobs/${job.jobId}${query}`;
      case 'deployment':
        return `${base}/deployments/${encodeURIComponent(job.deployment?.name ?? '')}/jobs/${job.jobId}${query}`;
    }
  };

  const accepted = (started: AuthoringJob | Conflict) => {
    if ('conflict' in started) {
      const running = started.conflict;
      return conflict(
        `The project '${running.projectName}' has a ${running.kind} job running (${running.jobId}). Wait until it finishes, then try again.`,
      );
    }
    return new HttpResponse(null, {
      status: 202,
      headers: { 'operation-location': jobUrl(started) },
    });
  };

  /**
   * The checks every authoring call shares: a version that has authoring writes, the POST limit,
   * and (unless it may create one) a project the resource has. Newer versions name the error code
   * in `x-ms-error-code` too.
   */
  const authoring =
    (
      handle: (info: {
        request: Request;
        params: PathParams;
        projectName: string;
        apiVersion: string;
      }) => Response | Promise<Response>,
      { mayCreate = false } = {},
    ): Resolve =>
    async ({ request, params }) => {
      const apiVersion = apiVersionOf(request);
      if (!authoringVersions.includes(apiVersion)) return resourceNotFound();
      if (request.method === 'POST') {
        const retryAfter = store.admitPost();
        if (retryAfter !== undefined) return authoringTooManyRequests(retryAfter);
      }
      const projectName = param(params, 'projectName');
      if (!mayCreate && !store.hasProject(projectName)) return projectNotFound();
      const response = await handle({ request, params, projectName, apiVersion });
      if (apiVersion.endsWith('-preview') && response.status >= 400) {
        const body: unknown = await response
          .clone()
          .json()
          .catch(() => undefined);
        const parsed = z.object({ error: z.object({ code: z.string() }) }).safeParse(body);
        if (parsed.success) response.headers.set('x-ms-error-code', parsed.data.error.code);
      }
      return response;
    };

  const jobRead = (kind: AuthoringJobKind) =>
    authoring(({ params, projectName }) => {
      const jobId = param(params, 'jobId');
      const job = store.findJob(projectName, kind, jobId);
      // A deployment's jobs are under its own name.
      const deployment = params.deploymentName;
      if (
        !job ||
        (deployment !== undefined && job.deployment?.name !== param(params, 'deploymentName'))
      ) {
        return jobNotFound(jobId);
      }
      const progress = store.progress(job);
      const resultUrl = `${projectUrl(projectName)}/export/jobs/${job.jobId}/result?api-version=${job.apiVersion}`;
      return HttpResponse.json(authoringJobBody(job, progress, resultUrl));
    });

  const exportProject = (projectName: string, apiVersion: string, request: Request) => {
    const url = new URL(request.url);
    if (url.searchParams.get('stringIndexType') !== 'Utf16CodeUnit') {
      return invalidArgument(
        "The query parameter 'stringIndexType' is required and must be 'Utf16CodeUnit'.",
        'stringIndexType',
      );
    }
    const label = url.searchParams.get('trainedModelLabel');
    if (label && !store.project(projectName)?.models.some((model) => model.label === label)) {
      return modelNotFound(label);
    }
    return accepted(store.startExport(projectName, apiVersion));
  };

  const importProject = async (projectName: string, apiVersion: string, request: Request) => {
    const format = request.headers.get('format');
    if (format !== null && format.toLowerCase() !== 'json') {
      return invalidArgument(
        `The format '${format}' is not supported by this service; send the project file as json.`,
        'format',
      );
    }
    const read = await readJson(request);
    if ('rejection' in read) return read.rejection;
    const file = readProjectFile(read.body, projectName);
    if ('problem' in file) return invalidArgument(file.problem, file.target);
    const existing = store.project(projectName);
    if (existing && existing.projectKind !== file.content.metadata.projectKind) {
      return invalidArgument(
        `The project '${projectName}' is a ${existing.projectKind} project; a ${file.content.metadata.projectKind} project file cannot replace it.`,
        '#/metadata/projectKind',
      );
    }
    return accepted(store.startImport(projectName, apiVersion, file.content));
  };

  const trainProject = async (projectName: string, apiVersion: string, request: Request) => {
    const read = await readJson(request);
    if ('rejection' in read) return read.rejection;
    const parsed = trainSchema.safeParse(read.body);
    if (!parsed.success) return zodProblem(parsed.error);
    const { modelLabel, trainingConfigVersion, evaluationOptions } = parsed.data;
    if (!NAME.test(modelLabel)) {
      return invalidArgument(
        `The model label '${modelLabel}' is invalid: use up to 50 letters, digits, '_', '.' or '-'.`,
        '#/modelLabel',
      );
    }
    const newest = TRAINING_CONFIG_VERSIONS.at(-1)?.trainingConfigVersion ?? '';
    const version = trainingConfigVersion === 'latest' ? newest : trainingConfigVersion;
    if (!TRAINING_CONFIG_VERSIONS.some((item) => item.trainingConfigVersion === version)) {
      return invalidArgument(
        `The training config version '${trainingConfigVersion}' is not supported. Supported: ${TRAINING_CONFIG_VERSIONS.map((item) => item.trainingConfigVersion).join(', ')}.`,
        '#/trainingConfigVersion',
      );
    }
    const kind = evaluationOptions?.kind ?? 'percentage';
    const training = evaluationOptions?.trainingSplitPercentage;
    const testing = evaluationOptions?.testingSplitPercentage;
    if (kind === 'percentage' && (training ?? 80) + (testing ?? 20) !== 100) {
      return invalidArgument(
        'The training and testing split percentages must add up to 100.',
        '#/evaluationOptions',
      );
    }
    const project = store.project(projectName);
    if (
      project &&
      !project.models.some((model) => model.label === modelLabel) &&
      project.models.length >= MAX_MODELS
    ) {
      return invalidArgument(
        `The project has ${MAX_MODELS} trained models, the most it can hold. Delete one first.`,
        '#/modelLabel',
      );
    }
    return accepted(
      store.startTraining(projectName, apiVersion, {
        modelLabel,
        trainingConfigVersion: version,
        evaluationOptions:
          kind === 'manual'
            ? { kind: 'manual' }
            : {
                kind: 'percentage',
                trainingSplitPercentage: training ?? 100 - (testing ?? 20),
                testingSplitPercentage: testing ?? 100 - (training ?? 80),
              },
      }),
    );
  };

  const cancelTraining = (projectName: string, jobId: string) => {
    const job = store.findJob(projectName, 'train', jobId);
    if (!job) return jobNotFound(jobId);
    store.cancel(job);
    return new HttpResponse(null, { status: 202, headers: { 'operation-location': jobUrl(job) } });
  };

  const P = `${GA_PROJECTS_PATH}/:projectName`;
  return [
    route(
      'patch',
      P,
      authoring(
        async ({ request, projectName, apiVersion }) => {
          if (!isValidProjectName(projectName)) {
            return invalidArgument(
              `The project name '${projectName}' is invalid: use up to 50 letters, digits, '_', '.' or '-'.`,
            );
          }
          const read = await readJson(request);
          if ('rejection' in read) return read.rejection;
          const parsed = patchSchema.safeParse(read.body ?? {});
          if (!parsed.success) return zodProblem(parsed.error);
          const patch = parsed.data;
          if (patch.projectName !== undefined && patch.projectName !== projectName) {
            return invalidArgument(
              `The project name in the body, '${patch.projectName}', does not match '${projectName}' in the URL.`,
              '#/projectName',
            );
          }
          const kind = patch.projectKind
            ? patch.projectKind.charAt(0).toUpperCase() + patch.projectKind.slice(1)
            : undefined;
          if (kind !== undefined && !KNOWN_KINDS.includes(kind)) {
            return invalidArgument(`The project kind '${kind}' is not supported.`, '#/projectKind');
          }
          const existing = store.project(projectName);
          if (existing && kind !== undefined && kind !== existing.projectKind) {
            return invalidArgument(
              `The project kind of an existing project cannot change (it is ${existing.projectKind}).`,
              '#/projectKind',
            );
          }
          if (!existing) {
            const missing = (
              ['projectKind', 'storageInputContainerName', 'language'] as const
            ).find((field) => patch[field] === undefined);
            if (missing)
              return invalidArgument(
                `'${missing}' is required to create a project.`,
                `#/${missing}`,
              );
          }
          const created = store.upsertProject(projectName, { ...patch, projectKind: kind });
          const project = store.project(projectName);
          if (!project) return projectNotFound();
          return HttpResponse.json(
            projectBody(project, store.timeOf, returnsProjectSettings(apiVersion)),
            { status: created ? 201 : 200 },
          );
        },
        { mayCreate: true },
      ),
    ),

    // `:export`, `:import` and `:train` are one path segment after the project's name.
    route(
      'post',
      `${P}/:action`,
      authoring(
        ({ request, params, projectName, apiVersion }) => {
          const action = param(params, 'action');
          if (action === ':import') return importProject(projectName, apiVersion, request);
          if (!store.hasProject(projectName)) return projectNotFound();
          if (action === ':export') return exportProject(projectName, apiVersion, request);
          if (action === ':train') return trainProject(projectName, apiVersion, request);
          return resourceNotFound();
        },
        { mayCreate: true },
      ),
    ),

    route('get', `${P}/export/jobs/:jobId`, jobRead('export')),
    route(
      'get',
      `${P}/export/jobs/:jobId/result`,
      authoring(({ params, projectName }) => {
        const jobId = param(params, 'jobId');
        const job = store.findJob(projectName, 'export', jobId);
        if (!job) return jobNotFound(jobId);
        if (store.progress(job).status !== 'succeeded' || job.result === undefined) {
          return invalidArgument(`The export job '${jobId}' has not succeeded; it has no result.`);
        }
        return new HttpResponse(JSON.stringify(job.result), {
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    ),
    route('get', `${P}/import/jobs/:jobId`, jobRead('import')),
    route(
      'get',
      `${P}/train/jobs`,
      authoring(({ projectName }) =>
        HttpResponse.json({
          value: store
            .jobsOf(projectName, 'train')
            .map((job) => authoringJobBody(job, store.progress(job), undefined)),
          nextLink: null,
        }),
      ),
    ),
    route('get', `${P}/train/jobs/:jobId`, jobRead('train')),
    // The contract's `train/jobs/{id}/:cancel`, and `{id}:cancel` as the analyze API spells it.
    route(
      'post',
      `${P}/train/jobs/:jobId/:action`,
      authoring(({ params, projectName }) =>
        param(params, 'action') === ':cancel'
          ? cancelTraining(projectName, param(params, 'jobId'))
          : resourceNotFound(),
      ),
    ),
    route(
      'post',
      `${P}/train/jobs/:jobAction`,
      authoring(({ params, projectName }) => {
        const [jobId, action] = param(params, 'jobAction').split(':');
        return action === 'cancel' && jobId
          ? cancelTraining(projectName, jobId)
          : resourceNotFound();
      }),
    ),

    route(
      'get',
      `${P}/models/:modelLabel`,
      authoring(({ params, projectName }) => {
        const label = param(params, 'modelLabel');
        const model = store.project(projectName)?.models.find((item) => item.label === label);
        return model ? HttpResponse.json(modelBody(model, store.timeOf)) : modelNotFound(label);
      }),
    ),

    // Synchronous (204), as the contract says; deployments keep serving their copy.
    route(
      'delete',
      `${P}/models/:modelLabel`,
      authoring(({ params, projectName }) => {
        const label = param(params, 'modelLabel');
        return store.deleteModel(projectName, label)
          ? new HttpResponse(null, { status: 204 })
          : modelNotFound(label);
      }),
    ),

    route('get', `${P}/deployments/swap/jobs/:jobId`, jobRead('swap')),
    route('get', `${P}/deployments/:deploymentName/jobs/:jobId`, jobRead('deployment')),
    route(
      'get',
      `${P}/deployments/:deploymentName`,
      authoring(({ params, projectName, apiVersion }) => {
        const name = param(params, 'deploymentName');
        const deployment = store
          .project(projectName)
          ?.deployments.find((item) => item.name === name);
        return deployment
          ? HttpResponse.json(
              deploymentBody(deployment, store.timeOf, apiVersion.endsWith('-preview')),
            )
          : deploymentNotFound(name);
      }),
    ),
    route(
      'put',
      `${P}/deployments/:deploymentName`,
      authoring(async ({ request, params, projectName, apiVersion }) => {
        const name = param(params, 'deploymentName');
        if (!NAME.test(name)) {
          return invalidArgument(
            `The deployment name '${name}' is invalid: use up to 50 letters, digits, '_', '.' or '-'.`,
          );
        }
        const read = await readJson(request);
        if ('rejection' in read) return read.rejection;
        const parsed = deploySchema.safeParse(read.body);
        if (!parsed.success) return zodProblem(parsed.error);
        const project = store.project(projectName);
        const label = parsed.data.trainedModelLabel;
        const model = project?.models.find((item) => item.label === label);
        if (!project || !model) return modelNotFound(label);
        if (store.timeOf(model.expiresAt) <= store.now()) {
          return invalidArgument(
            `The trained model '${label}' has expired; train a new model to deploy.`,
            '#/trainedModelLabel',
          );
        }
        if (
          !project.deployments.some((item) => item.name === name) &&
          project.deployments.length >= MAX_DEPLOYMENTS
        ) {
          return invalidArgument(
            `The project has ${MAX_DEPLOYMENTS} deployments, the most it can hold.`,
          );
        }
        return accepted(store.startDeployment(projectName, apiVersion, name, label));
      }),
    ),
    route(
      'delete',
      `${P}/deployments/:deploymentName`,
      authoring(({ params, projectName, apiVersion }) => {
        const name = param(params, 'deploymentName');
        if (!store.project(projectName)?.deployments.some((item) => item.name === name)) {
          return deploymentNotFound(name);
        }
        return accepted(store.startDeployment(projectName, apiVersion, name));
      }),
    ),
    route(
      'post',
      `${P}/deployments/:action`,
      authoring(async ({ request, params, projectName, apiVersion }) => {
        if (param(params, 'action') !== ':swap') return resourceNotFound();
        const read = await readJson(request);
        if ('rejection' in read) return read.rejection;
        const parsed = swapSchema.safeParse(read.body);
        if (!parsed.success) return zodProblem(parsed.error);
        const { firstDeploymentName: first, secondDeploymentName: second } = parsed.data;
        if (first === second) {
          return invalidArgument('A deployment cannot be swapped with itself.');
        }
        const deployments = store.project(projectName)?.deployments ?? [];
        const missing = [first, second].find(
          (name) => !deployments.some((item) => item.name === name),
        );
        if (missing !== undefined) return deploymentNotFound(missing);
        return accepted(store.startSwap(projectName, apiVersion, first, second));
      }),
    ),
  ];
}
