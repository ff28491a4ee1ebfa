import { http, HttpResponse, type HttpHandler, type PathParams } from 'msw';
import { DEMO_KEY } from './demo-settings';
import type { FaultHook } from './faults';
import { deletionJobBody, gaJobBody, readPageQuery, seedJobBody } from './job-bodies';
import {
  invalidRequest,
  jobNotFound,
  projectNotFound,
  resourceNotFound,
  unauthorized,
} from './service-errors';
import {
  createServiceState,
  type ApiGeneration,
  type ServiceState,
  type ServiceStateOptions,
} from './service-state';
import { readGaSubmission, readSeedSubmission } from './submission';

/** The simulated Language service for one origin; the demo, Vitest and the e2e server share it. */

const GA_API_VERSIONS = ['2022-05-01', '2023-04-01', '2024-11-01'];
const GA_AUTHORING_VERSIONS = ['2022-05-01', '2023-04-01'];
const SEED_API_VERSION = 'v3.1-preview.ct.1';
const GA_JOBS = '/language/analyze-text/jobs';
const GA_PROJECTS = '/language/authoring/analyze-text/projects';
const SEED_JOBS = `/text/analytics/${SEED_API_VERSION}/analyze`;
const SEED_PROJECTS = '/language/text/authoring/v1.0-preview.2/projects';
export const EXPOSED_HEADERS = 'operation-location, retry-after, location';

export interface ServiceHandlerOptions extends ServiceStateOptions {
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

  const route = (method: 'get' | 'post' | 'delete' | 'all', path: string, resolve: Resolve) =>
    http[method](`${origin}${path}`, async ({ request, params }) => {
      const response = await resolve({ request, params });
      if (response && options.cors) {
        response.headers.set('Access-Control-Allow-Origin', '*');
        response.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      }
      return response;
    });

  const gaJobUrl = (jobId: string, apiVersion: string) =>
    `${origin}${GA_JOBS}/${jobId}?api-version=${apiVersion}`;

  const deleteProject = (api: ApiGeneration, projectName: string, apiVersion: string) => {
    const deletion = state.deleteProject(projectName, api, apiVersion);
    if (!deletion) return projectNotFound();
    return accepted(
      api === 'ga'
        ? `${origin}${GA_PROJECTS}/global/deletion-jobs/${deletion.jobId}?api-version=${apiVersion}`
        : `${origin}${SEED_PROJECTS}/global/deletion-jobs/${deletion.jobId}`,
    );
  };

  const getDeletionJob = (api: ApiGeneration, jobId: string) => {
    const deletion = state.findDeletionJob(jobId, api);
    if (!deletion) return jobNotFound(jobId);
    return HttpResponse.json(deletionJobBody(deletion, state.deletionProgress(deletion)));
  };

  const handlers = [
    route('all', '/*', ({ request }) => {
      const fault = options.faults?.next(request);
      if (fault) return fault;
      if (request.headers.get('Ocp-Apim-Subscription-Key') !== DEMO_KEY) return unauthorized();
      return undefined;
    }),

    route('post', GA_JOBS, async ({ request }) => {
      const apiVersion = apiVersionOf(request);
      if (!GA_API_VERSIONS.includes(apiVersion)) return resourceNotFound();
      const result = readGaSubmission(await request.text(), apiVersion);
      if ('rejection' in result) return result.rejection;
      return accepted(gaJobUrl(state.submitJob(result.submission).jobId, apiVersion));
    }),

    route('get', `${GA_JOBS}/:jobId`, ({ request, params }) => {
      if (!GA_API_VERSIONS.includes(apiVersionOf(request))) return resourceNotFound();
      const page = readPageQuery(new URL(request.url), { top: 'top', skip: 'skip' });
      if (!page) return invalidPaging();
      const job = state.findJob(param(params, 'jobId'), 'ga');
      if (!job) return jobNotFound(param(params, 'jobId'));
      return HttpResponse.json(gaJobBody(job, state.jobProgress(job), page, origin));
    }),

    // `{jobId}:cancel` is one path segment, so the action is split off by hand.
    route('post', `${GA_JOBS}/:jobAction`, ({ request, params }) => {
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

    route('post', SEED_JOBS, async ({ request }) => {
      const result = readSeedSubmission(await request.text(), SEED_API_VERSION);
      if ('rejection' in result) return result.rejection;
      return accepted(`${origin}${SEED_JOBS}/jobs/${state.submitJob(result.submission).jobId}`);
    }),

    route('get', `${SEED_JOBS}/jobs/:jobId`, ({ request, params }) => {
      const page = readPageQuery(new URL(request.url), { top: '$top', skip: '$skip' });
      if (!page) return invalidPaging();
      const job = state.findJob(param(params, 'jobId'), 'seed');
      if (!job) return jobNotFound(param(params, 'jobId'));
      return HttpResponse.json(seedJobBody(job, state.jobProgress(job), page, origin));
    }),

    route('get', `${GA_PROJECTS}/global/deletion-jobs/:jobId`, ({ request, params }) => {
      if (!GA_AUTHORING_VERSIONS.includes(apiVersionOf(request))) return resourceNotFound();
      return getDeletionJob('ga', param(params, 'jobId'));
    }),

    route('delete', `${GA_PROJECTS}/:projectName`, ({ request, params }) => {
      const apiVersion = apiVersionOf(request);
      if (!GA_AUTHORING_VERSIONS.includes(apiVersion)) return resourceNotFound();
      return deleteProject('ga', param(params, 'projectName'), apiVersion);
    }),

    route('get', `${SEED_PROJECTS}/global/deletion-jobs/:jobId`, ({ params }) =>
      getDeletionJob('seed', param(params, 'jobId')),
    ),

    route('delete', `${SEED_PROJECTS}/:projectName`, ({ params }) =>
      deleteProject('seed', param(params, 'projectName'), 'v1.0-preview.2'),
    ),

    route('all', '/*', () => resourceNotFound()),
  ];
  return Object.assign(handlers, { state });
}
