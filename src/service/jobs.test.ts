import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import unauthorized from './fixtures/error-401.json';
import throttled from './fixtures/error-429.json';
import gaSinglePage1 from './fixtures/ga-job-single-succeeded-page1.json';
import gaMulti from './fixtures/ga-job-multi-succeeded.json';
import { ServiceError } from './errors';
import { callService } from './http';
import { fetchJob, MAX_RESULT_PAGES, submitJob } from './jobs';
import type { JobInput } from './model';

const endpoint = 'https://myresource.cognitiveservices.azure.com';
const credentials = { endpoint, key: 'secret-key' };
const jobUrl = `${endpoint}/language/analyze-text/jobs/93b61aa0-1c2d-4e5f-8a9b-0c1d2e3f4a5b?api-version=2023-04-01`;
const input: JobInput = {
  endpoint,
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'MyProject',
  deploymentName: 'production',
  modelId: '',
  language: '',
  jobName: '',
  documents: [{ id: 'doc1', text: 'hello' }],
};

const server = setupServer();
const keysSeen: string[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  keysSeen.length = 0;
});
afterAll(() => server.close());

/** Page 2 of the single-label fixture: the rest of the documents, no further link. */
const page2 = {
  ...gaMulti,
  tasks: {
    ...gaMulti.tasks,
    items: [
      {
        ...gaMulti.tasks.items[0],
        results: {
          documents: [
            { id: 'doc21', class: [{ category: 'Other', confidenceScore: 0.5 }], warnings: [] },
          ],
          errors: [],
        },
      },
    ],
  },
};

describe('submitJob', () => {
  it('returns the job URL from operation-location and sends the key only as a header', async () => {
    server.use(
      http.post(`${endpoint}/language/analyze-text/jobs`, ({ request }) => {
        keysSeen.push(request.headers.get('ocp-apim-subscription-key') ?? '');
        return new HttpResponse(null, { status: 202, headers: { 'operation-location': jobUrl } });
      }),
    );
    await expect(submitJob(input, { key: 'secret-key' })).resolves.toBe(jobUrl);
    expect(keysSeen).toEqual(['secret-key']);
  });

  it('explains a 202 whose operation-location cannot be read as a CORS problem', async () => {
    server.use(
      http.post(
        `${endpoint}/language/analyze-text/jobs`,
        () => new HttpResponse(null, { status: 202 }),
      ),
    );
    await expect(submitJob(input, { key: 'k' })).rejects.toMatchObject({ kind: 'cors' });
  });

  it('refuses a job URL on another origin', async () => {
    server.use(
      http.post(
        `${endpoint}/language/analyze-text/jobs`,
        () =>
          new HttpResponse(null, {
            status: 202,
            headers: { 'operation-location': 'https://evil.example/jobs/1' },
          }),
      ),
    );
    await expect(submitJob(input, { key: 'k' })).rejects.toMatchObject({ kind: 'foreign-origin' });
  });

  it('parses the error body and Retry-After', async () => {
    server.use(
      http.post(`${endpoint}/language/analyze-text/jobs`, () =>
        HttpResponse.json(throttled, { status: 429, headers: { 'Retry-After': '2' } }),
      ),
    );
    const error = await submitJob(input, { key: 'k' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 2000, problem: { code: '429' } });
  });

  it('reports a 401 with the service message', async () => {
    server.use(
      http.post(`${endpoint}/language/analyze-text/jobs`, () =>
        HttpResponse.json(unauthorized, { status: 401 }),
      ),
    );
    await expect(submitJob(input, { key: 'k' })).rejects.toThrow(/Access denied/);
  });
});

describe('fetchJob', () => {
  it('follows nextLink after the job is done and merges every page', async () => {
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, ({ request }) => {
        keysSeen.push(request.headers.get('ocp-apim-subscription-key') ?? '');
        const skip = new URL(request.url).searchParams.get('skip');
        return HttpResponse.json(skip === '20' ? page2 : gaSinglePage1);
      }),
    );
    const poll = await fetchJob(jobUrl, credentials);
    expect(poll.pages).toBe(2);
    expect(poll.snapshot.documents.map((d) => d.id)).toEqual(['doc1', 'doc2', 'doc3', 'doc21']);
    expect(poll.snapshot.nextLink).toBeUndefined();
    expect(keysSeen).toEqual(['secret-key', 'secret-key']);
  });

  it('does not send the key to a nextLink on another origin', async () => {
    const foreign = { ...gaSinglePage1, nextLink: 'https://evil.example/next?skip=20' };
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, () => HttpResponse.json(foreign)),
    );
    await expect(fetchJob(jobUrl, credentials)).rejects.toMatchObject({ kind: 'foreign-origin' });
  });

  it('turns a garbled body into an error that can be retried later', async () => {
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, () => HttpResponse.text('{"jobId": ')),
    );
    await expect(fetchJob(jobUrl, credentials)).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('reports an unreachable service as a network failure', async () => {
    server.use(http.get(`${endpoint}/language/analyze-text/jobs/:id`, () => HttpResponse.error()));
    await expect(fetchJob(jobUrl, credentials)).rejects.toMatchObject({ kind: 'network' });
  });
});

/** A finished GA job page holding these documents, with a link to `next` if given. */
function resultsPage(documents: unknown[], next?: string) {
  const [task] = gaMulti.tasks.items;
  return {
    ...gaMulti,
    tasks: { ...gaMulti.tasks, items: [{ ...task, results: { documents, errors: [] } }] },
    ...(next ? { nextLink: next } : {}),
  };
}

const pageUrl = (skip: number) => `${jobUrl}&skip=${skip}`;

describe('fetchJob with a hostile or broken results list', () => {
  it('stops an endless nextLink chain at the page limit and says the results are cut', async () => {
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, ({ request }) => {
        const skip = Number(new URL(request.url).searchParams.get('skip') ?? 0);
        const document = { id: `doc${skip}`, class: [], warnings: [] };
        return HttpResponse.json(resultsPage([document], pageUrl(skip + 1)));
      }),
    );
    const poll = await fetchJob(jobUrl, credentials);
    expect(poll).toMatchObject({
      pages: MAX_RESULT_PAGES,
      truncated: true,
      truncatedBy: 'page-limit',
    });
    expect(poll.snapshot.documents).toHaveLength(MAX_RESULT_PAGES);
  });

  it('stops a nextLink that points back to a page already read, and says so', async () => {
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, ({ request }) => {
        const skip = new URL(request.url).searchParams.get('skip');
        return HttpResponse.json(
          skip === '20'
            ? resultsPage([{ id: 'doc21', class: [], warnings: [] }], jobUrl)
            : resultsPage([{ id: 'doc1', class: [], warnings: [] }], pageUrl(20)),
        );
      }),
    );
    const poll = await fetchJob(jobUrl, credentials);
    expect(poll).toMatchObject({ pages: 2, truncated: true, truncatedBy: 'repeated-link' });
  });

  it('says nothing was cut when the last page has no nextLink', async () => {
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, () =>
        HttpResponse.json(resultsPage([{ id: 'doc1', class: [], warnings: [] }])),
      ),
    );
    const poll = await fetchJob(jobUrl, credentials);
    expect(poll).toMatchObject({ pages: 1, truncated: false });
    expect(poll.truncatedBy).toBeUndefined();
  });

  it('merges a page of 200,000 documents without overflowing the stack', async () => {
    const many = Array.from({ length: 200_000 }, (_, index) => ({
      id: `doc${index}`,
      class: [],
      warnings: [],
    }));
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, ({ request }) => {
        const skip = new URL(request.url).searchParams.get('skip');
        return HttpResponse.json(
          skip === '1'
            ? resultsPage(many)
            : resultsPage([{ id: 'first', class: [], warnings: [] }], pageUrl(1)),
        );
      }),
    );
    const poll = await fetchJob(jobUrl, credentials);
    expect(poll.snapshot.documents).toHaveLength(200_001);
  });

  it('flags an id that comes back on two pages', async () => {
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, ({ request }) => {
        const skip = new URL(request.url).searchParams.get('skip');
        const document = { id: 'doc1', class: [], warnings: [] };
        return HttpResponse.json(
          skip === '20' ? resultsPage([document]) : resultsPage([document], pageUrl(20)),
        );
      }),
    );
    const { snapshot } = await fetchJob(jobUrl, credentials);
    expect(snapshot.documents.map((d) => d.problems)).toEqual([
      [{ kind: 'duplicate-id' }],
      [{ kind: 'duplicate-id' }],
    ]);
  });
});

describe('a service that does not answer', () => {
  it('gives up after the timeout with an error that can be retried', async () => {
    server.use(
      http.get(`${endpoint}/language/analyze-text/jobs/:id`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const error = await callService(
      { method: 'GET', url: jobUrl },
      credentials,
      undefined,
      50,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: 'timeout', isTransient: true });
  });
});
