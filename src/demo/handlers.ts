import { http, HttpResponse, type HttpHandler, type PathParams } from 'msw';
import { profilesOf, type ApiGeneration } from '../service/api-profiles';
import { GA_JOBS_PATH, GA_PROJECTS_PATH } from '../service/ga';
import { previewJobsPath, previewProjectsPath } from '../service/preview';
import { deploymentBody, modelBody, projectBody } from './authoring-bodies';
import { createAuthoringWriteRoutes } from './authoring-handlers';
import { returnsProjectSettings, trainingConfigVersionBodies } from './demo-authoring';
import { DEMO_KEY } from './demo-settings';
import { checkDemoBearer } from './demo-token';
import type { FaultHook } from './faults';
import { deletionJobBody, gaJobBody, previewJobBody, readPageQuery } from './job-bodies';
import {
  invalidRequest,
  jobNotFound,
  modelNotFound,
  projectNotFound,
  resourceNotFound,
  tokenRefused,
  unauthorized,
} from './service-errors';
import { createServiceState, type ServiceState, type ServiceStateOptions } from './service-state';
import { readGaSubmission, readPreviewSubmission } from './submission';

/**
 * The simulated Language service for one origin; the demo, Vitest and the e2e server share it.
 * It answers every version in the API profiles: GA versions by `api-version`, preview versions by
 * their own paths, and each authoring version a profile deletes through.
 */

const GA_PROFILES = profilesOf('ga');
const GA_API_VERSIONS: readonly string[] = GA_PROFILES.map((profile) => profile.version);
const GA_AUTHORING_VERSIONS: readonly string[] = [
  ...new Set(GA_PROFILES.map((profile) => profile.deletion.authoringVersion)),
];
const PREVIEW_API_VERSIONS = profilesOf('preview').map((profile) => profile.version);
const PREVIEW_AUTHORING_VERSIONS = [
  ...new Set(profilesOf('preview').map((profile) => profile.deletion.authoringVersion)),
];
export const EXPOSED_HEADERS = 'operation-location, retry-after, location';

/** Authoring lists come two items a page, so every client meets `nextLink`. */
const AUTHORING_PAGE_SIZE = 2;

/** `skip` and `maxpagesize` (or `top`) as non-negative integers; undefined when one is not. */
function readAuthoringPage(url: URL): { skip: number; size: number } | undefined {
  const integer = (name: string) => {
    const value = url.searchParams.get(name);
    if (value === null) return null;
    return /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const skip = integer('skip');
  const size = integer('maxpagesize') ?? integer('top');
  if (skip === undefined || size === undefined || size === 0) return undefined;
  return { skip: skip ?? 0, size: Math.min(size ?? AUTHORING_PAGE_SIZE, AUTHORING_PAGE_SIZE) };
}

/** The key, or a bearer token that looks like a JWT for the resource and has not expired. */
function authenticate(request: Request, now: number): Response | undefined {
  const key = request.headers.get('Ocp-Apim-Subscription-Key');
  if (key !== null) return key === DEMO_KEY ? undefined : unauthorized();
  const authorization = request.headers.get('Authorization');
  if (authorization === null) return unauthorized();
  return checkDemoBearer(authorization, now) === 'ok' ? undefined : tokenRefused();
}

interface ServiceHandlerOptions extends ServiceStateOptions {
  /** e.g. DEMO_ENDPOINT or http://127.0.0.1:4010; job URLs and next links are built from it. */
  origin: string;
  /** Shares one state between handler sets; otherwise one is made from timing/now/persistence. */
  state?: ServiceState;
  faults?: FaultHook;
  /** Adds CORS headers to every response (the browser demo answers cross-origin requests itself). */
  cors?: boolean;
}

export type ServiceHandlers = HttpHandler[] & { state: ServiceState };

type Resolve = (info: {
  request: Request;
  params: PathParams;
}) => Response | undefined | Promise<Response | undefined>;

const param = (params: PathParams, name: string) => {
  const value = params[name];
  return typeof value === 'string' ? value : '';
};

const apiVersionOf = (request: Request) =>
  new URL(request.url).searchParams.get('api-version') ?? '';

const accepted = (operationLocation: string) =>
  new HttpResponse(null, { status: 202, headers: { 'operation-location': operationLocation } });

const invalidPaging = () =>
  invalidRequest({
    code: 'InvalidParameterValue',
    message: 'The paging parameters top and skip must be non-negative integers, top at least 1.',
  });

export function createServiceHandlers(options: ServiceHandlerOptions): ServiceHandlers {
  const origin = options.origin.replace(/\/+$/, '');
  const state = options.state ?? createServiceState(options);

  const route = (
    method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'all',
    path: string,
    resolve: Resolve,
  ) =>
    http[method](`${origin}${path}`, async ({ request, params }) => {
      const response = await resolve({ request, params });
      if (response && options.cors) {
        response.headers.set('Access-Control-Allow-Origin', '*');
        response.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      }
      return response;
    });

  const gaJobUrl = (jobId: string, apiVersion: string) =>
    `${origin}${GA_JOBS_PATH}/${jobId}?api-version=${apiVersion}`;

  const deletionJobUrl = (api: ApiGeneration, jobId: string, authoringVersion: string) =>
    api === 'ga'
      ? `${origin}${GA_PROJECTS_PATH}/global/deletion-jobs/${jobId}?api-version=${authoringVersion}`
      : `${origin}${previewProjectsPath(authoringVersion)}/global/deletion-jobs/${jobId}`;

  const deleteProject = (api: ApiGeneration, projectName: string, authoringVersion: string) => {
    const deletion = state.deleteProject(projectName, api, authoringVersion);
    if (!deletion) return projectNotFound();
    return accepted(deletionJobUrl(api, deletion.jobId, authoringVersion));
  };

  const getDeletionJob = (api: ApiGeneration, jobId: string) => {
    const deletion = state.findDeletionJob(jobId, api);
    if (!deletion) return jobNotFound(jobId);
    return HttpResponse.json(deletionJobBody(deletion, state.deletionProgress(deletion)));
  };

  const gaRoutes = [
    route('post', GA_JOBS_PATH, async ({ request }) => {
      const apiVersion = apiVersionOf(request);
      const profile = GA_PROFILES.find((candidate) => candidate.version === apiVersion);
      if (!profile) return resourceNotFound();
      const { features } = profile;
      const result = readGaSubmission(await request.text(), apiVersion, {
        detectsLanguage: features.detectedLanguage,
        takesDefaultLanguage: features.defaultLanguage,
        takesCancelAfter: features.cancelAfter,
      });
      if ('rejection' in result) return result.rejection;
      return accepted(gaJobUrl(state.submitJob(result.submission).jobId, apiVersion));
    }),

    route('get', `${GA_JOBS_PATH}/:jobId`, ({ request, params }) => {
      if (!GA_API_VERSIONS.includes(apiVersionOf(request))) return resourceNotFound();
      const page = readPageQuery(new URL(request.url), { top: 'top', skip: 'skip' });
      if (!page) return invalidPaging();
      const job = state.findJob(param(params, 'jobId'), 'ga');
      if (!job) return jobNotFound(param(params, 'jobId'));
      return HttpResponse.json(gaJobBody(job, state.jobProgress(job), page, origin));
    }),

    // `{jobId}:cancel` is one path segment, so the action is split off by hand.
    route('post', `${GA_JOBS_PATH}/:jobAction`, ({ request, params }) => {
      const apiVersion = apiVersionOf(request);
      const [jobId, action] = param(params, 'jobAction').split(':');
      if (action !== 'cancel' || !jobId || !GA_API_VERSIONS.includes(apiVersion)) {
        return resourceNotFound();
      }
      const job = state.findJob(jobId, 'ga');
      if (!job) return jobNotFound(jobId);
      state.cancelJob(job);
      return accepted(gaJobUrl(jobId, apiVersion));
    }),

    route('get', `${GA_PROJECTS_PATH}/global/deletion-jobs/:jobId`, ({ request, params }) => {
      if (!GA_AUTHORING_VERSIONS.includes(apiVersionOf(request))) return resourceNotFound();
      return getDeletionJob('ga', param(params, 'jobId'));
    }),

    route('delete', `${GA_PROJECTS_PATH}/:projectName`, ({ request, params }) => {
      const apiVersion = apiVersionOf(request);
      if (!GA_AUTHORING_VERSIONS.includes(apiVersion)) return resourceNotFound();
      return deleteProject('ga', param(params, 'projectName'), apiVersion);
    }),
  ];

  /** One page of an authoring list, with a `nextLink` while more remain. */
  const authoringList = (request: Request, items: readonly unknown[]) => {
    const url = new URL(request.url);
    const page = readAuthoringPage(url);
    if (!page) return invalidPaging();
    const end = page.skip + page.size;
    const next = new URL(url.pathname, origin);
    next.search = `api-version=${apiVersionOf(request)}&skip=${end}&maxpagesize=${page.size}`;
    return HttpResponse.json({
      value: items.slice(page.skip, end),
      ...(end < items.length ? { nextLink: next.href } : {}),
    });
  };

  /** Runs `read` for a project the resource has, after the api-version check. */
  const authoringRead =
    (read: (info: { request: Request; projectName: string; params: PathParams }) => Response) =>
    ({ request, params }: { request: Request; params: PathParams }) => {
      if (!GA_AUTHORING_VERSIONS.includes(apiVersionOf(request))) return resourceNotFound();
      const projectName = param(params, 'projectName');
      if (!state.isProjectAvailable(projectName)) return projectNotFound();
      return read({ request, projectName, params });
    };

  const authoringRoutes = [
    route('get', GA_PROJECTS_PATH, ({ request }) => {
      if (!GA_AUTHORING_VERSIONS.includes(apiVersionOf(request))) return resourceNotFound();
      const projects = state.authoring
        .projects()
        .map((project) => projectBody(project, state.authoring.timeOf));
      return authoringList(request, projects);
    }),

    route('get', `${GA_PROJECTS_PATH}/global/training-config-versions`, ({ request }) => {
      if (!GA_AUTHORING_VERSIONS.includes(apiVersionOf(request))) return resourceNotFound();
      return authoringList(request, trainingConfigVersionBodies(state.now()));
    }),

    route(
      'get',
      `${GA_PROJECTS_PATH}/:projectName`,
      authoringRead(({ request, projectName }) => {
        const project = state.authoring.project(projectName);
        if (!project) return projectNotFound();
        return HttpResponse.json(
          projectBody(
            project,
            state.authoring.timeOf,
            returnsProjectSettings(apiVersionOf(request)),
          ),
        );
      }),
    ),

    route(
      'get',
      `${GA_PROJECTS_PATH}/:projectName/deployments`,
      authoringRead(({ request, projectName }) =>
        authoringList(
          request,
          (state.authoring.project(projectName)?.deployments ?? []).map((deployment) =>
            deploymentBody(
              deployment,
              state.authoring.timeOf,
              apiVersionOf(request).endsWith('-preview'),
            ),
          ),
        ),
      ),
    ),

    route(
      'get',
      `${GA_PROJECTS_PATH}/:projectName/models`,
      authoringRead(({ request, projectName }) =>
        authoringList(
          request,
          (state.authoring.project(projectName)?.models ?? []).map((model) =>
            modelBody(model, state.authoring.timeOf),
          ),
        ),
      ),
    ),

    route(
      'get',
      `${GA_PROJECTS_PATH}/:projectName/models/:modelLabel/evaluation/summary-result`,
      authoringRead(({ projectName, params }) => {
        const label = param(params, 'modelLabel');
        const model = state.authoring
          .project(projectName)
          ?.models.find((item) => item.label === label);
        return model === undefined
          ? modelNotFound(label)
          : new HttpResponse(JSON.stringify(model.evaluation), {
              headers: { 'Content-Type': 'application/json' },
            });
      }),
    ),
  ];

  const previewRoutes = PREVIEW_API_VERSIONS.flatMap((apiVersion) => {
    const jobs = previewJobsPath(apiVersion);
    return [
      route('post', jobs, async ({ request }) => {
        const result = readPreviewSubmission(await request.text(), apiVersion);
        if ('rejection' in result) return result.rejection;
        return accepted(`${origin}${jobs}/jobs/${state.submitJob(result.submission).jobId}`);
      }),

      route('get', `${jobs}/jobs/:jobId`, ({ request, params }) => {
        const page = readPageQuery(new URL(request.url), { top: '$top', skip: '$skip' });
        if (!page) return invalidPaging();
        const job = state.findJob(param(params, 'jobId'), 'preview');
        if (!job) return jobNotFound(param(params, 'jobId'));
        return HttpResponse.json(previewJobBody(job, state.jobProgress(job), page, origin));
      }),
    ];
  });

  const previewAuthoringRoutes = PREVIEW_AUTHORING_VERSIONS.flatMap((authoringVersion) => {
    const projects = previewProjectsPath(authoringVersion);
    return [
      route('get', `${projects}/global/deletion-jobs/:jobId`, ({ params }) =>
        getDeletionJob('preview', param(params, 'jobId')),
      ),

      route('delete', `${projects}/:projectName`, ({ params }) =>
        deleteProject('preview', param(params, 'projectName'), authoringVersion),
      ),
    ];
  });

  const handlers = [
    route('all', '/*', ({ request }) => {
      const fault = options.faults?.next(request);
      if (fault) return fault;
      return authenticate(request, state.now());
    }),
    ...gaRoutes,
    ...authoringRoutes,
    ...createAuthoringWriteRoutes({
      origin,
      state,
      route,
      authoringVersions: GA_AUTHORING_VERSIONS,
    }),
    ...previewRoutes,
    ...previewAuthoringRoutes,
    route('all', '/*', () => resourceNotFound()),
  ];
  return Object.assign(handlers, { state });
}
