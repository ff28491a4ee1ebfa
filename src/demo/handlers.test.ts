import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PREVIEW_API_VERSION, profileOf } from '../service/api-profiles';
import { gaSubmitRequest } from '../service/ga';
import type { ServiceRequest } from '../service/http';
import { fetchJob, submitJob } from '../service/jobs';
import type { JobInput } from '../service/model';
import { parseJob } from '../service/normalize';
import { deletionJobSchema, errorResponseSchema } from '../service/schemas';
import { previewSubmitRequest } from '../service/preview';
import { DEMO_DOCUMENTS, DEMO_ENDPOINT, DEMO_KEY, DEMO_PROJECTS } from './demo-settings';
import { createFaultPlan } from './faults';
import { createServiceHandlers } from './handlers';

const START = Date.parse('2026-03-14T09:26:53Z');
const clock = { now: START };
const timing = { queuedMs: 100, runMs: 200, cancelMs: 50, deletionMs: 100 };
const faults = createFaultPlan();
const handlers = createServiceHandlers({
  origin: DEMO_ENDPOINT,
  timing,
  now: () => clock.now,
  faults,
});
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clock.now = START;
});
afterEach(() => {
  handlers.state.reset();
  faults.clear();
});
afterAll(() => server.close());

const later = (ms: number) => {
  clock.now += ms;
};
const finish = () => later(timing.queuedMs + timing.runMs);

const repeat = (count: number, text = '') => Array.from({ length: count }, () => text);

const documents = (texts: readonly string[]) =>
  texts.map((text, index) => ({ id: `doc${index + 1}`, text }));

function jobInput(overrides: Partial<JobInput> = {}): JobInput {
  const labelMode = overrides.labelMode ?? 'single';
  const { projectName, deploymentName, modelId } = DEMO_PROJECTS[labelMode];
  return {
    endpoint: DEMO_ENDPOINT,
    language: 'en',
    jobName: '',
    apiVersion: '2023-04-01',
    labelMode,
    projectName,
    deploymentName,
    modelId,
    documents: documents(DEMO_DOCUMENTS[labelMode]),
    ...overrides,
  };
}

function send(request: ServiceRequest, key: string | null = DEMO_KEY) {
  return fetch(request.url, {
    method: request.method,
    headers: {
      ...(key === null ? {} : { 'Ocp-Apim-Subscription-Key': key }),
      'Content-Type': 'application/json',
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
}

const get = (url: string) => send({ method: 'GET', url });

const submitRequest = (input: JobInput) => profileOf(input.apiVersion).submitRequest(input);

async function submit(input: JobInput): Promise<string> {
  const response = await send(submitRequest(input));
  expect(response.status).toBe(202);
  expect(await response.text()).toBe('');
  const location = response.headers.get('operation-location');
  if (!location) throw new Error('no operation-location');
  return location;
}

async function getJson(url: string): Promise<unknown> {
  const response = await get(url);
  expect(response.status).toBe(200);
  return response.json();
}

const predicted = (json: unknown) =>
  parseJob(json).documents.map((document) => document.classes.map((score) => score.category));

describe('authentication', () => {
  it.each([['wrong-key'], [null]])('answers 401 to key %s', async (key) => {
    const response = await send(gaSubmitRequest(jobInput()), key);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: '401',
        message:
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    });
  });

  it('never answers for another origin', async () => {
    const foreign = new Request(
      'https://example.com/language/analyze-text/jobs?api-version=2023-04-01',
      {
        method: 'POST',
      },
    );
    expect(await getResponse(handlers, foreign)).toBeUndefined();
  });
});

describe('GA jobs', () => {
  it('runs a single-label job: notStarted, running, then succeeded with the obvious classes', async () => {
    const jobUrl = await submit(jobInput({ jobName: 'Tickets' }));
    expect(jobUrl).toMatch(
      /^https:\/\/demo\.classify-console\.invalid\/language\/analyze-text\/jobs\/[0-9a-f-]{36}\?api-version=2023-04-01$/,
    );

    const waiting = await getJson(jobUrl);
    expect(waiting).toMatchObject({
      status: 'notStarted',
      displayName: 'Tickets',
      createdDateTime: '2026-03-14T09:26:53Z',
      expirationDateTime: '2026-03-15T09:26:53Z',
      errors: [],
      tasks: { completed: 0, failed: 0, inProgress: 1, total: 1, items: [] },
    });
    expect(parseJob(waiting).phase).toBe('waiting');
    later(timing.queuedMs);
    expect(parseJob(await getJson(jobUrl)).phase).toBe('running');
    later(timing.runMs);

    const done = await getJson(jobUrl);
    expect(done).toMatchObject({
      status: 'succeeded',
      lastUpdateDateTime: '2026-03-14T09:26:53Z',
      tasks: {
        completed: 1,
        inProgress: 0,
        items: [
          {
            kind: 'CustomSingleLabelClassificationLROResults',
            taskName: 'classify',
            status: 'succeeded',
            results: { errors: [], projectName: 'SupportTickets', deploymentName: 'production' },
          },
        ],
      },
    });
    expect(done).not.toHaveProperty('nextLink');
    expect(parseJob(done).phase).toBe('done');
    expect(predicted(done)).toEqual([
      ['Billing'],
      ['TechnicalIssue'],
      ['Account'],
      ['Shipping'],
      ['Feedback'],
    ]);
  });

  it('runs a multi-label job, where a document may get no class at all', async () => {
    const jobUrl = await submit(jobInput({ labelMode: 'multi', apiVersion: '2024-11-01' }));
    finish();
    const done = await getJson(jobUrl);
    expect(done).toMatchObject({
      tasks: { items: [{ kind: 'CustomMultiLabelClassificationLROResults' }] },
    });
    expect(done).not.toHaveProperty('displayName');
    expect(predicted(done)).toEqual([
      ['Comedy', 'Action'],
      ['Drama'],
      ['SciFi', 'Horror'],
      ['Romance', 'Comedy'],
      [],
    ]);
  });

  it('pages results 20 at a time with an absolute nextLink', async () => {
    const job = handlers.state.submitJob({
      api: 'ga',
      apiVersion: '2022-05-01',
      labelMode: 'single',
      taskName: 'classify',
      model: { projectName: 'SupportTickets', deploymentName: 'production' },
      documents: documents(
        Array.from({ length: 45 }, (_, i) => DEMO_DOCUMENTS.single[i % 5] ?? ''),
      ),
    });
    finish();
    const base = `${DEMO_ENDPOINT}/language/analyze-text/jobs/${job.jobId}`;
    const pages = [parseJob(await getJson(`${base}?api-version=2022-05-01`))];
    expect(pages[0]?.nextLink).toBe(`${base}?top=20&skip=20&api-version=2022-05-01`);
    while (pages.at(-1)?.nextLink) {
      pages.push(parseJob(await getJson(pages.at(-1)?.nextLink ?? '')));
    }
    expect(pages.map((page) => page.documents.length)).toEqual([20, 20, 5]);
    expect(pages[1]?.nextLink).toBe(`${base}?top=20&skip=40&api-version=2022-05-01`);
    const ids = pages.flatMap((page) => page.documents.map((document) => document.id));
    expect(new Set(ids).size).toBe(45);
  });

  it('is read to the end by the app’s own client', async () => {
    const input = jobInput({ documents: documents(repeat(25, DEMO_DOCUMENTS.single[1])) });
    const jobUrl = await submitJob(input, { key: DEMO_KEY });
    finish();
    const poll = await fetchJob(jobUrl, { endpoint: DEMO_ENDPOINT, key: DEMO_KEY });
    expect(poll.pages).toBe(2);
    expect(poll.snapshot.documents).toHaveLength(25);
    expect(poll.snapshot.documents.every((d) => d.classes[0]?.category === 'TechnicalIssue')).toBe(
      true,
    );
  });

  it('reports an empty document as a per-document error and truncates long ones', async () => {
    const long = 'refund '.repeat(900);
    const jobUrl = await submit(
      jobInput({ documents: documents(['I want a refund', '  \n ', long]) }),
    );
    finish();
    const done = await getJson(`${jobUrl}&showStats=true`);
    expect(done).toMatchObject({
      tasks: {
        items: [
          {
            results: {
              statistics: { documentsCount: 3, validDocumentsCount: 2, erroneousDocumentsCount: 1 },
              errors: [
                {
                  id: 'doc2',
                  error: {
                    code: 'InvalidArgument',
                    message: 'Invalid Document in request.',
                    innererror: { code: 'InvalidDocument', message: 'Document text is empty.' },
                  },
                },
              ],
            },
          },
        ],
      },
    });
    const [first, second, third] = parseJob(done).documents;
    expect(first?.warnings).toEqual([]);
    expect(second?.error?.innerMessage).toBe('Document text is empty.');
    expect(third?.warnings.map((warning) => warning.code)).toEqual(['DocumentTruncated']);
  });

  it('fails the job for an unknown deployment, naming the wrong value', async () => {
    const jobUrl = await submit(jobInput({ deploymentName: 'productionn' }));
    finish();
    const failed = await getJson(jobUrl);
    expect(failed).toEqual(
      expect.objectContaining({
        status: 'failed',
        errors: [
          {
            code: 'InvalidRequest',
            message:
              "Job task parameter value 'productionn' is not supported for deploymentName parameter for job task type CustomSingleLabelClassification.",
            target: '#/tasks/items/0',
          },
        ],
        tasks: {
          completed: 0,
          failed: 1,
          inProgress: 0,
          total: 1,
          items: [
            {
              kind: 'CustomSingleLabelClassificationLROResults',
              taskName: 'classify',
              lastUpdateDateTime: '2026-03-14T09:26:53.300Z',
              status: 'failed',
            },
          ],
        },
      }),
    );
    const snapshot = parseJob(failed);
    expect(snapshot.phase).toBe('failed');
    expect(snapshot.errors).toHaveLength(1);
  });

  it.each([
    [{ projectName: 'supporttickets' }, "'supporttickets' is not supported for projectName"],
    [{ labelMode: 'multi' as const, projectName: 'SupportTickets' }, 'is not supported by project'],
  ])('fails the job for %o', async (overrides, message) => {
    const jobUrl = await submit(jobInput(overrides));
    finish();
    const snapshot = parseJob(await getJson(jobUrl));
    expect(snapshot.phase).toBe('failed');
    expect(snapshot.errors[0]?.message).toContain(message);
  });

  it('cancels a running job, and leaves a finished one alone', async () => {
    const jobUrl = await submit(jobInput());
    later(timing.queuedMs);
    const cancelUrl = jobUrl.replace('?', ':cancel?');
    const response = await send({ method: 'POST', url: cancelUrl });
    expect(response.status).toBe(202);
    expect(response.headers.get('operation-location')).toBe(jobUrl);
    expect(parseJob(await getJson(jobUrl)).status).toBe('cancelling');
    later(timing.cancelMs);
    expect(parseJob(await getJson(jobUrl))).toMatchObject({
      status: 'cancelled',
      phase: 'cancelled',
    });

    const finishedUrl = await submit(jobInput());
    finish();
    await send({ method: 'POST', url: finishedUrl.replace('?', ':cancel?') });
    expect(parseJob(await getJson(finishedUrl)).status).toBe('succeeded');
  });

  it('forgets jobs 24 hours after submission', async () => {
    const jobUrl = await submit(jobInput());
    later(24 * 60 * 60 * 1000);
    const response = await get(jobUrl);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NotFound' } });
  });
});

describe('request limits', () => {
  async function expectRejection(request: ServiceRequest, status: number, body: unknown) {
    const response = await send(request);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  }

  it('refuses more than 25 documents exactly like the service', async () => {
    const input = jobInput({ documents: documents(repeat(26, 'hello')) });
    await expectRejection(gaSubmitRequest(input), 400, {
      error: {
        code: 'InvalidRequest',
        message: 'Invalid document in request.',
        innererror: {
          code: 'InvalidDocumentBatch',
          message: 'Batch request contains too many records. Max 25 records are permitted.',
        },
      },
    });
    const previewResponse = await send(
      previewSubmitRequest({ ...input, apiVersion: PREVIEW_API_VERSION }),
    );
    expect(previewResponse.status).toBe(400);
    expect(await previewResponse.json()).toMatchObject({
      error: { innererror: { code: 'InvalidDocumentBatch' } },
    });
  });

  it('counts the 125,000-character limit in text elements', async () => {
    const tooLong = jobInput({ documents: documents(repeat(25, 'a'.repeat(5_001))) });
    const response = await send(gaSubmitRequest(tooLong));
    expect(response.status).toBe(400);
    const { error } = errorResponseSchema.parse(await response.json());
    expect(error.innererror?.code).toBe('InvalidDocumentBatch');
    expect(error.innererror?.message).toContain('125000');
    // 👍🏽 is 4 UTF-16 units but one text element: 124,300 elements, 227,200 UTF-16 units.
    const texts = [...repeat(7, '👍🏽'.repeat(4_900)), ...repeat(18, 'a'.repeat(5_000))];
    const emoji = jobInput({ documents: documents(texts) });
    expect((await send(gaSubmitRequest(emoji))).status).toBe(202);
  });

  it.each([
    ['no documents', { analysisInput: { documents: [] } }, 'MissingInputDocuments'],
    ['a malformed body', { analysisInput: 'nope' }, 'InvalidRequestBodyFormat'],
    [
      'another task kind',
      { tasks: [{ kind: 'SentimentAnalysis', parameters: {} }] },
      'InvalidParameterValue',
    ],
  ])('refuses %s', async (_, change, innerCode) => {
    const request = gaSubmitRequest(jobInput());
    const body = {
      analysisInput: { documents: [{ id: 'doc1', text: 'hello' }] },
      tasks: [
        {
          kind: 'CustomSingleLabelClassification',
          parameters: { projectName: 'SupportTickets', deploymentName: 'production' },
        },
      ],
      ...change,
    };
    const response = await send({ ...request, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'InvalidRequest', innererror: { code: innerCode } },
    });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(gaSubmitRequest(jobInput()).url, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': DEMO_KEY },
      body: '{"analysisInput":',
    });
    expect(await response.json()).toMatchObject({
      error: { innererror: { code: 'InvalidRequestBodyFormat' } },
    });
  });

  it('answers 404 for an unknown api-version or path', async () => {
    const request = gaSubmitRequest(jobInput());
    for (const url of [
      request.url.replace('2023-04-01', '2021-01-01'),
      `${DEMO_ENDPOINT}/language/analyze-conversations/jobs?api-version=2023-04-01`,
    ]) {
      await expectRejection({ ...request, url }, 404, {
        error: { code: '404', message: 'Resource not found' },
      });
    }
  });
});

const previewTasks = z.array(
  z.object({ results: z.object({ documents: z.array(z.record(z.string(), z.unknown())) }) }),
);
const previewJob = z.object({
  tasks: z.object({
    customClassificationTasks: previewTasks.optional(),
    customMultiClassificationTasks: previewTasks.optional(),
  }),
});

/** The raw documents of a preview job page, to check the preview's own field names. */
function previewDocuments(json: unknown) {
  const { tasks } = previewJob.parse(json);
  const [task] = tasks.customClassificationTasks ?? tasks.customMultiClassificationTasks ?? [];
  return task?.results.documents ?? [];
}

describe('preview API', () => {
  const preview = (overrides: Partial<JobInput> = {}) =>
    jobInput({ apiVersion: PREVIEW_API_VERSION, jobName: 'MyJobName', ...overrides });

  it('answers in the preview format: completed, classes, statistics and @nextLink', async () => {
    const texts = Array.from({ length: 25 }, (_, i) => DEMO_DOCUMENTS.multi[i % 5] ?? '');
    const jobUrl = await submit(preview({ labelMode: 'multi', documents: documents(texts) }));
    expect(jobUrl).toMatch(
      /^https:\/\/demo\.classify-console\.invalid\/text\/analytics\/v3\.1-preview\.ct\.1\/analyze\/jobs\/[0-9a-f-]{36}$/,
    );
    expect(await getJson(jobUrl)).toMatchObject({ status: 'notStarted' });
    finish();
    const page1 = await getJson(jobUrl);
    expect(page1).toMatchObject({
      displayName: 'MyJobName',
      status: 'completed',
      tasks: {
        completed: 1,
        customMultiClassificationTasks: [
          {
            name: 'MyJobName',
            status: 'completed',
            results: {
              errors: [],
              statistics: {
                documentsCount: 25,
                validDocumentsCount: 25,
                erroneousDocumentsCount: 0,
              },
            },
          },
        ],
      },
      '@nextLink': `${jobUrl}?$top=20&$skip=20`,
    });
    expect(previewDocuments(page1)[4]).toEqual({ id: 'doc5', classes: [], warnings: [] });
    const snapshot = parseJob(page1);
    expect(snapshot.phase).toBe('done');
    expect(snapshot.documents).toHaveLength(20);
    const page2 = parseJob(await getJson(snapshot.nextLink ?? ''));
    expect(page2.documents.map((document) => document.id)).toEqual([
      'doc21',
      'doc22',
      'doc23',
      'doc24',
      'doc25',
    ]);
    expect(page2.nextLink).toBeUndefined();
  });

  it('gives single-label documents a classification', async () => {
    const jobUrl = await submit(preview());
    finish();
    const done = await getJson(jobUrl);
    const [first] = previewDocuments(done);
    expect(first).toMatchObject({ id: 'doc1', classification: { category: 'Billing' } });
    expect(first).not.toHaveProperty('classes');
    expect(predicted(done)).toEqual([
      ['Billing'],
      ['TechnicalIssue'],
      ['Account'],
      ['Shipping'],
      ['Feedback'],
    ]);
  });

  it('fails the job for an unknown model ID', async () => {
    const jobUrl = await submit(preview({ modelId: 'nope_SingleClassification_latest' }));
    finish();
    const failed = await getJson(jobUrl);
    expect(failed).toMatchObject({
      status: 'failed',
      errors: [{ target: '#/tasks/customClassificationTasks/0' }],
      tasks: { failed: 1, customClassificationTasks: [{ status: 'failed' }] },
    });
    expect(parseJob(failed).errors[0]?.message).toContain("'nope_SingleClassification_latest'");
  });
});

describe('project deletion', () => {
  async function deleteProject(request: ServiceRequest): Promise<string> {
    const response = await send(request);
    expect(response.status).toBe(202);
    return response.headers.get('operation-location') ?? '';
  }

  it('deletes a GA project, then answers 404 for it until reset', async () => {
    const request = profileOf('2024-11-01').deletion.request(DEMO_ENDPOINT, 'SupportTickets');
    const deletionUrl = await deleteProject(request);
    expect(deletionUrl).toMatch(
      /^https:\/\/demo\.classify-console\.invalid\/language\/authoring\/analyze-text\/projects\/global\/deletion-jobs\/[0-9a-f-]{36}_\d+\?api-version=2023-04-01$/,
    );
    expect(deletionJobSchema.parse(await getJson(deletionUrl)).status).toBe('notStarted');
    later(timing.deletionMs);
    expect(await getJson(deletionUrl)).toMatchObject({
      status: 'succeeded',
      createdDateTime: '2026-03-14T09:26:53Z',
      lastUpdatedDateTime: '2026-03-14T09:26:53Z',
      expirationDateTime: '2026-03-21T09:26:53Z',
      warnings: [],
      errors: [],
    });

    const again = await send(request);
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({
      error: { code: 'ProjectNotFound', message: 'The specified project was not found.' },
    });
    const jobUrl = await submit(jobInput());
    finish();
    expect(parseJob(await getJson(jobUrl)).phase).toBe('failed');

    handlers.state.reset();
    expect((await send(request)).status).toBe(202);
  });

  it('deletes through the preview authoring API, with URL-decoded names', async () => {
    const deletionUrl = await deleteProject({
      method: 'DELETE',
      url: `${DEMO_ENDPOINT}/language/text/authoring/v1.0-preview.2/projects/Movie%47enres`,
    });
    expect(deletionUrl).toMatch(
      /^https:\/\/demo\.classify-console\.invalid\/language\/text\/authoring\/v1\.0-preview\.2\/projects\/global\/deletion-jobs\/[0-9a-f-]{36}_\d+$/,
    );
    later(timing.deletionMs);
    expect(await getJson(deletionUrl)).toMatchObject({ status: 'succeeded' });
    const previewDeletion = profileOf(PREVIEW_API_VERSION).deletion;
    expect((await send(previewDeletion.request(DEMO_ENDPOINT, 'MovieGenres'))).status).toBe(404);
    expect((await send(previewDeletion.request(DEMO_ENDPOINT, 'Unknown'))).status).toBe(404);
  });
});

describe('faults', () => {
  it('throttles the next requests for a path, then serves normally', async () => {
    const jobUrl = await submit(jobInput());
    faults.inject({
      kind: 'throttle',
      path: '/analyze-text/jobs/',
      times: 2,
      retryAfterSeconds: 1,
    });
    for (const _ of [1, 2]) {
      const response = await get(jobUrl);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
    }
    expect((await get(jobUrl)).status).toBe(200);
  });

  it('can send a server error or a garbled body', async () => {
    faults.inject({ kind: 'server-error', method: 'POST' });
    expect((await send(gaSubmitRequest(jobInput()))).status).toBe(500);
    faults.inject({ kind: 'garbled' });
    const response = await get(
      `${DEMO_ENDPOINT}/language/analyze-text/jobs/x?api-version=2023-04-01`,
    );
    await expect(response.json()).rejects.toThrow();
  });
});
