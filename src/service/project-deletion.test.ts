import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import unauthorized from './fixtures/error-401.json';
import projectNotFound from './fixtures/error-404-project.json';
import throttled from './fixtures/error-429.json';
import deletionSucceeded from './fixtures/ga-deletion-job-succeeded.json';
import { hintFor, ServiceError } from './errors';
import {
  deletionFailure,
  fetchDeletionJob,
  nextDeletionPollDelay,
  requestProjectDeletion,
} from './project-deletion';

const endpoint = 'https://myresource.cognitiveservices.azure.com';
const credentials = { endpoint, key: 'secret-key' };
const GA_PROJECTS = `${endpoint}/language/authoring/analyze-text/projects`;
const PREVIEW_PROJECTS = `${endpoint}/language/text/authoring/v1.0-preview.2/projects`;
const deletionJobUrl = `${GA_PROJECTS}/global/deletion-jobs/129d3182-625d-496c-bcf9-43686e85160b_637858368000000000?api-version=2023-04-01`;

interface Seen {
  method: string;
  url: string;
  key: string | null;
}

const server = setupServer();
const seen: Seen[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    seen.push({
      method: request.method,
      url: request.url,
      key: request.headers.get('ocp-apim-subscription-key'),
    });
  });
});
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const accepted = (headers: Record<string, string> = {}, status = 202) =>
  new HttpResponse(null, { status, headers });

describe('requestProjectDeletion, GA API', () => {
  it('sends DELETE to the authoring path with the name encoded, and returns the deletion job', async () => {
    server.use(
      http.delete(`${GA_PROJECTS}/:name`, () => accepted({ 'operation-location': deletionJobUrl })),
    );
    const deletion = await requestProjectDeletion(credentials, '2023-04-01', 'My Project/ä');
    expect(deletion).toEqual({ status: 202, jobUrl: deletionJobUrl, jobUrlUnreadable: false });
    expect(seen).toEqual([
      {
        method: 'DELETE',
        url: `${GA_PROJECTS}/My%20Project%2F%C3%A4?api-version=2023-04-01`,
        key: 'secret-key',
      },
    ]);
  });

  it.each([
    ['2024-11-01', '2023-04-01'],
    ['2023-04-01', '2023-04-01'],
    ['2022-05-01', '2022-05-01'],
  ] as const)('uses an authoring version for %s: %s', async (apiVersion, authoringVersion) => {
    server.use(
      http.delete(`${GA_PROJECTS}/:name`, () => accepted({ 'operation-location': deletionJobUrl })),
    );
    await requestProjectDeletion(credentials, apiVersion, 'MovieGenres');
    expect(seen.map(({ url }) => new URL(url).searchParams.get('api-version'))).toEqual([
      authoringVersion,
    ]);
  });

  it('explains a 202 without a readable operation-location instead of waiting forever', async () => {
    server.use(http.delete(`${GA_PROJECTS}/:name`, () => accepted()));
    await expect(requestProjectDeletion(credentials, '2023-04-01', 'MovieGenres')).resolves.toEqual(
      { status: 202, jobUrlUnreadable: true },
    );
  });

  it('refuses a deletion job on another origin, so the key never goes there', async () => {
    server.use(
      http.delete(`${GA_PROJECTS}/:name`, () =>
        accepted({ 'operation-location': 'https://evil.example/deletion-jobs/1' }),
      ),
      http.get('https://evil.example/*', () => HttpResponse.json(deletionSucceeded)),
    );
    const error = await requestProjectDeletion(credentials, '2023-04-01', 'MovieGenres').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: 'foreign-origin', status: 202 });
    expect(error).toHaveProperty('message', expect.stringMatching(/accepted the deletion/));
    await expect(
      fetchDeletionJob('https://evil.example/deletion-jobs/1', credentials),
    ).rejects.toMatchObject({ kind: 'foreign-origin' });
    expect(seen.map(({ url }) => new URL(url).origin)).toEqual([endpoint]);
  });

  it('reports 404 ProjectNotFound with a hint about spelling and case', async () => {
    server.use(
      http.delete(`${GA_PROJECTS}/:name`, () =>
        HttpResponse.json(projectNotFound, { status: 404 }),
      ),
    );
    const error = await requestProjectDeletion(credentials, '2023-04-01', 'movieGenres').catch(
      (caught: unknown) => caught,
    );
    if (!(error instanceof ServiceError)) throw new Error('expected a ServiceError');
    expect(error).toMatchObject({ status: 404, problem: { code: 'ProjectNotFound' } });
    expect(error.message).toBe('The specified project was not found.');
    expect(hintFor(error)).toMatch(/exact spelling and case/);
  });

  it('reports a wrong key and throttling with what the service said', async () => {
    server.use(
      http.delete(`${GA_PROJECTS}/:name`, () => HttpResponse.json(unauthorized, { status: 401 })),
    );
    await expect(requestProjectDeletion(credentials, '2023-04-01', 'A')).rejects.toThrow(
      /Access denied/,
    );
    server.use(
      http.delete(`${GA_PROJECTS}/:name`, () =>
        HttpResponse.json(throttled, { status: 429, headers: { 'Retry-After': '2' } }),
      ),
    );
    await expect(requestProjectDeletion(credentials, '2023-04-01', 'A')).rejects.toMatchObject({
      status: 429,
      retryAfterMs: 2000,
      isTransient: true,
    });
  });
});

describe('requestProjectDeletion, preview API', () => {
  it('sends DELETE to the v1.0-preview.2 path, with no api-version', async () => {
    server.use(http.delete(`${PREVIEW_PROJECTS}/:name`, () => accepted()));
    const deletion = await requestProjectDeletion(credentials, 'v3.1-preview.ct.1', 'Tickets 2');
    expect(deletion).toEqual({ status: 202, jobUrlUnreadable: false });
    expect(seen).toEqual([
      { method: 'DELETE', url: `${PREVIEW_PROJECTS}/Tickets%202`, key: 'secret-key' },
    ]);
  });

  it('follows operation-location first, then location, resolving a relative one', async () => {
    const jobA = `${PREVIEW_PROJECTS}/global/deletion-jobs/a`;
    server.use(
      http.delete(`${PREVIEW_PROJECTS}/:name`, () =>
        accepted({ 'operation-location': jobA, location: `${endpoint}/elsewhere` }),
      ),
    );
    await expect(
      requestProjectDeletion(credentials, 'v3.1-preview.ct.1', 'P'),
    ).resolves.toMatchObject({ jobUrl: jobA });

    server.use(
      http.delete(`${PREVIEW_PROJECTS}/:name`, () =>
        accepted({ location: '/language/text/authoring/v1.0-preview.2/projects/jobs/b' }),
      ),
    );
    await expect(
      requestProjectDeletion(credentials, 'v3.1-preview.ct.1', 'P'),
    ).resolves.toMatchObject({ jobUrl: `${PREVIEW_PROJECTS}/jobs/b` });
  });

  it('accepts any 2xx: 200 with a JSON body, 204, and a body that is not JSON', async () => {
    server.use(
      http.delete(`${PREVIEW_PROJECTS}/:name`, () => HttpResponse.json({ whatever: true })),
    );
    await expect(requestProjectDeletion(credentials, 'v3.1-preview.ct.1', 'P')).resolves.toEqual({
      status: 200,
      jobUrlUnreadable: false,
    });
    server.use(http.delete(`${PREVIEW_PROJECTS}/:name`, () => accepted({}, 204)));
    await expect(requestProjectDeletion(credentials, 'v3.1-preview.ct.1', 'P')).resolves.toEqual({
      status: 204,
      jobUrlUnreadable: false,
    });
    server.use(http.delete(`${PREVIEW_PROJECTS}/:name`, () => HttpResponse.text('Deleted.')));
    await expect(requestProjectDeletion(credentials, 'v3.1-preview.ct.1', 'P')).resolves.toEqual({
      status: undefined,
      jobUrlUnreadable: false,
    });
  });
});

describe('fetchDeletionJob', () => {
  it('normalises a succeeded deletion job and passes Retry-After on', async () => {
    server.use(
      http.get(`${GA_PROJECTS}/global/deletion-jobs/:id`, () =>
        HttpResponse.json(deletionSucceeded, { headers: { 'Retry-After': '3' } }),
      ),
    );
    const poll = await fetchDeletionJob(deletionJobUrl, credentials);
    expect(poll).toEqual({
      job: {
        jobId: '129d3182-625d-496c-bcf9-43686e85160b_637858368000000000',
        status: 'succeeded',
        phase: 'succeeded',
        errors: [],
        warnings: [],
        updatedAt: '2026-03-14T09:27:01Z',
      },
      retryAfterMs: 3000,
    });
    expect(deletionFailure(poll.job)).toBeUndefined();
    expect(seen).toEqual([{ method: 'GET', url: deletionJobUrl, key: 'secret-key' }]);
  });

  it.each([
    ['notStarted', 'running'],
    ['running', 'running'],
    ['cancelling', 'running'],
    ['completed', 'succeeded'],
    ['cancelled', 'failed'],
  ])('reads status %s as %s', async (status, phase) => {
    server.use(
      http.get(`${GA_PROJECTS}/global/deletion-jobs/:id`, () =>
        HttpResponse.json({ ...deletionSucceeded, status }),
      ),
    );
    await expect(fetchDeletionJob(deletionJobUrl, credentials)).resolves.toMatchObject({
      job: { status, phase },
    });
  });

  it('turns a failed deletion job into an error carrying its errors', async () => {
    const failed = {
      ...deletionSucceeded,
      status: 'failed',
      warnings: [{ code: 'Slow', message: 'Deployments are being removed.' }],
      errors: [
        {
          code: 'InternalServerError',
          message: 'Could not delete the project.',
          innererror: { code: 'DeploymentLocked', message: 'A deployment is being swapped.' },
        },
        { code: 'Conflict', message: 'Another operation is running.' },
      ],
    };
    server.use(
      http.get(`${GA_PROJECTS}/global/deletion-jobs/:id`, () => HttpResponse.json(failed)),
    );
    const { job } = await fetchDeletionJob(deletionJobUrl, credentials);
    expect(job.phase).toBe('failed');
    expect(job.warnings).toEqual([{ code: 'Slow', message: 'Deployments are being removed.' }]);
    expect(job.errors).toEqual([
      {
        code: 'InternalServerError',
        message: 'Could not delete the project.',
        innerCode: 'DeploymentLocked',
        innerMessage: 'A deployment is being swapped.',
      },
      { code: 'Conflict', message: 'Another operation is running.' },
    ]);
    const failure = deletionFailure(job);
    expect(failure).toMatchObject({
      kind: 'deletion-failed',
      message: 'The deletion job ended with status "failed".',
      problem: { code: 'InternalServerError' },
    });
    if (!failure) throw new Error('expected a failure');
    expect(hintFor(failure)).toMatch(/did not delete the project/);
  });

  it('refuses a body that is not a deletion job', async () => {
    server.use(
      http.get(`${GA_PROJECTS}/global/deletion-jobs/:id`, () => HttpResponse.json({ ok: true })),
    );
    await expect(fetchDeletionJob(deletionJobUrl, credentials)).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });

  it('reports an expired deletion job as not found', async () => {
    server.use(
      http.get(`${GA_PROJECTS}/global/deletion-jobs/:id`, () =>
        HttpResponse.json(
          { error: { code: 'NotFound', message: 'The specified job was not found.' } },
          { status: 404 },
        ),
      ),
    );
    await expect(fetchDeletionJob(deletionJobUrl, credentials)).rejects.toMatchObject({
      status: 404,
      problem: { code: 'NotFound' },
    });
  });
});

describe('nextDeletionPollDelay', () => {
  it('asks every second at first, then every 2 s, then every 5 s', () => {
    expect(
      [0, 4_999, 5_000, 29_999, 30_000, 600_000].map((ms) => nextDeletionPollDelay(ms)),
    ).toEqual([1_000, 1_000, 2_000, 2_000, 5_000, 5_000]);
  });

  it('never asks sooner than Retry-After', () => {
    expect(nextDeletionPollDelay(0, 7_000)).toBe(7_000);
    expect(nextDeletionPollDelay(40_000, 500)).toBe(5_000);
  });

  it('stays far under the authoring limit of 100 GETs a minute', () => {
    let elapsed = 0;
    let polls = 0;
    while (elapsed < 60_000) {
      elapsed += nextDeletionPollDelay(elapsed);
      polls += 1;
    }
    expect(polls).toBeLessThanOrEqual(30);
  });
});
