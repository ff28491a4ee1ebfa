import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  authoringPhaseOf,
  followAuthoringJob,
  nextAuthoringPollDelay,
  normalizeAuthoringJob,
  submitAuthoringJob,
  type JobEvent,
} from './authoring-jobs';
import { exportRequest } from './authoring-writes';
import { ServiceError } from './errors';

const endpoint = 'https://myresource.cognitiveservices.azure.com';
const credentials = { endpoint, key: 'secret-key' };
const PROJECT = `${endpoint}/language/authoring/analyze-text/projects/Support`;
const JOB = `${PROJECT}/export/jobs/j1_637858368000000000?api-version=2023-04-01`;
const target = { endpoint, authoringVersion: '2023-04-01', projectName: 'Support' };

/** MSW reads `:name` as a path parameter; the authoring actions (`:export`, `:import`) are literal. */
const literal = (url: string) =>
  new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const job = (status: string, extra: object = {}) => ({
  jobId: 'j1_637858368000000000',
  createdDateTime: '2026-12-06T10:00:00Z',
  lastUpdatedDateTime: '2026-12-06T10:00:01Z',
  expirationDateTime: '2026-12-13T10:00:00Z',
  status,
  ...extra,
});

/** Records waits instead of waiting. */
function fakeTime() {
  const waits: number[] = [];
  let clock = 0;
  return {
    waits,
    now: () => clock,
    sleep: (ms: number) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  };
}

describe('authoringPhaseOf', () => {
  it.each([
    ['notStarted', 'running'],
    ['running', 'running'],
    ['cancelling', 'running'],
    ['succeeded', 'succeeded'],
    ['failed', 'failed'],
    ['partiallyCompleted', 'failed'],
    ['cancelled', 'cancelled'],
  ])('%s is %s', (status, phase) => {
    expect(authoringPhaseOf(status)).toBe(phase);
  });
});

describe('normalizeAuthoringJob', () => {
  it('reads a training job’s progress and estimated end', () => {
    const training = normalizeAuthoringJob(
      job('running', {
        result: {
          modelLabel: 'm2',
          trainingConfigVersion: '2022-05-01',
          estimatedEndDateTime: '2026-12-06T10:05:00Z',
          trainingStatus: { percentComplete: 40, status: 'running' },
          evaluationStatus: { percentComplete: 0, status: 'notStarted' },
        },
      }),
    );
    expect(training.training).toEqual({
      modelLabel: 'm2',
      trainingConfigVersion: '2022-05-01',
      trainingPercent: 40,
      evaluationPercent: 0,
      estimatedEndAt: '2026-12-06T10:05:00Z',
    });
  });

  it('keeps the service’s errors with their codes', () => {
    const failed = normalizeAuthoringJob(
      job('failed', { errors: [{ code: 'InvalidRequest', message: 'Container missing.' }] }),
    );
    expect(failed.phase).toBe('failed');
    expect(failed.errors).toEqual([{ code: 'InvalidRequest', message: 'Container missing.' }]);
  });

  it('refuses a body that is not a job', () => {
    expect(() => normalizeAuthoringJob({ status: 'running' })).toThrow(ServiceError);
  });
});

describe('nextAuthoringPollDelay', () => {
  it('polls short jobs often at first, then less; training slower; never before Retry-After', () => {
    expect(nextAuthoringPollDelay('import', 0)).toBe(1_000);
    expect(nextAuthoringPollDelay('import', 10_000)).toBe(2_000);
    expect(nextAuthoringPollDelay('deploy', 60_000)).toBe(5_000);
    expect(nextAuthoringPollDelay('train', 0)).toBe(3_000);
    expect(nextAuthoringPollDelay('train', 120_000)).toBe(10_000);
    expect(nextAuthoringPollDelay('train', 3_600_000)).toBe(30_000);
    expect(nextAuthoringPollDelay('swap', 0, 7_000)).toBe(7_000);
  });
});

describe('submitAuthoringJob', () => {
  it('returns the operation-location of a 202', async () => {
    server.use(
      http.post(
        literal(`${PROJECT}/:export`),
        () => new HttpResponse(null, { status: 202, headers: { 'operation-location': JOB } }),
      ),
    );
    await expect(submitAuthoringJob(exportRequest(target), credentials)).resolves.toBe(JOB);
  });

  it('waits out a 429 for as long as Retry-After says, visibly, then sends again', async () => {
    let calls = 0;
    server.use(
      http.post(literal(`${PROJECT}/:export`), () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { error: { code: 'TooManyRequests', message: 'Slow down.' } },
              { status: 429, headers: { 'Retry-After': '7' } },
            )
          : new HttpResponse(null, { status: 202, headers: { 'operation-location': JOB } });
      }),
    );
    const time = fakeTime();
    const events: JobEvent[] = [];
    const url = await submitAuthoringJob(exportRequest(target), credentials, {
      ...time,
      onEvent: (event) => events.push(event),
    });
    expect(url).toBe(JOB);
    expect(calls).toBe(2);
    expect(time.waits).toEqual([7_000]);
    expect(events).toEqual([{ kind: 'throttled', waitMs: 7_000, until: 7_000 }]);
  });

  it('throws a 409 (another job runs) with the service’s code, without sending again', async () => {
    let calls = 0;
    server.use(
      http.post(literal(`${PROJECT}/:export`), () => {
        calls += 1;
        return HttpResponse.json(
          { error: { code: 'Conflict', message: 'A training job is running.' } },
          { status: 409 },
        );
      }),
    );
    const error = await submitAuthoringJob(exportRequest(target), credentials).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ status: 409, problem: { code: 'Conflict' } });
    expect(calls).toBe(1);
  });

  it('refuses a job named on another origin: the key is not sent there', async () => {
    server.use(
      http.post(
        literal(`${PROJECT}/:export`),
        () =>
          new HttpResponse(null, {
            status: 202,
            headers: { 'operation-location': 'https://evil.example/jobs/1' },
          }),
      ),
    );
    await expect(submitAuthoringJob(exportRequest(target), credentials)).rejects.toMatchObject({
      kind: 'foreign-origin',
    });
  });

  it('says so when the 202 hides its operation-location (CORS)', async () => {
    server.use(
      http.post(literal(`${PROJECT}/:export`), () => new HttpResponse(null, { status: 202 })),
    );
    await expect(submitAuthoringJob(exportRequest(target), credentials)).rejects.toMatchObject({
      kind: 'cors',
    });
  });
});

describe('followAuthoringJob', () => {
  it('follows notStarted → running → succeeded, reporting each state', async () => {
    const statuses = ['notStarted', 'running', 'succeeded'];
    let polls = 0;
    server.use(
      http.get(`${PROJECT}/export/jobs/:id`, () =>
        HttpResponse.json(
          job(statuses[polls++] ?? 'succeeded', polls === 3 ? { resultUrl: `${JOB}/result` } : {}),
        ),
      ),
    );
    const time = fakeTime();
    const seen: string[] = [];
    const done = await followAuthoringJob('export', JOB, credentials, 0, {
      ...time,
      onEvent: (event) => {
        if (event.kind === 'job') seen.push(event.job.status);
      },
    });
    expect(done.phase).toBe('succeeded');
    expect(done.resultUrl).toBe(`${JOB}/result`);
    expect(seen).toEqual(statuses);
    expect(time.waits).toEqual([1_000, 1_000]);
  });

  it('ends on failed, cancelled and partiallyCompleted', async () => {
    for (const status of ['failed', 'cancelled', 'partiallyCompleted']) {
      server.use(http.get(`${PROJECT}/export/jobs/:id`, () => HttpResponse.json(job(status))));
      const done = await followAuthoringJob('export', JOB, credentials, 0, fakeTime());
      expect(done.status).toBe(status);
    }
  });

  it('waits out a 429 on a poll, never failing for it', async () => {
    let polls = 0;
    server.use(
      http.get(`${PROJECT}/export/jobs/:id`, () => {
        polls += 1;
        if (polls <= 6)
          return HttpResponse.json(
            { error: { code: 'TooManyRequests', message: 'Slow down.' } },
            { status: 429, headers: { 'Retry-After': '3' } },
          );
        return HttpResponse.json(job('succeeded'));
      }),
    );
    const time = fakeTime();
    const done = await followAuthoringJob('export', JOB, credentials, 0, time);
    expect(done.phase).toBe('succeeded');
    expect(time.waits).toEqual([3_000, 3_000, 3_000, 3_000, 3_000, 3_000]);
  });

  it('retries a transient 503 a few times, then gives up with the error', async () => {
    server.use(
      http.get(`${PROJECT}/export/jobs/:id`, () =>
        HttpResponse.json(
          { error: { code: 'ServiceUnavailable', message: 'Busy.' } },
          { status: 503 },
        ),
      ),
    );
    const time = fakeTime();
    await expect(followAuthoringJob('export', JOB, credentials, 0, time)).rejects.toMatchObject({
      status: 503,
    });
    expect(time.waits).toHaveLength(4);
  });

  it('stops at once on a 404 (the job is gone)', async () => {
    server.use(
      http.get(`${PROJECT}/export/jobs/:id`, () =>
        HttpResponse.json({ error: { code: 'NotFound', message: 'No job.' } }, { status: 404 }),
      ),
    );
    const time = fakeTime();
    await expect(followAuthoringJob('export', JOB, credentials, 0, time)).rejects.toMatchObject({
      status: 404,
    });
    expect(time.waits).toEqual([]);
  });
});
