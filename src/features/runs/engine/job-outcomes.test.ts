import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../service/errors';
import type { JobPoll } from '../../../service/jobs';
import { JOB_RETENTION_MS } from '../../../service/polling';
import {
  afterPollError,
  afterSendError,
  clampWait,
  EXPIRED_HERE,
  expiredPatch,
  finishedJob,
  jobInput,
  MAX_WAIT_MS,
  pollDelayWithinRetention,
  resumedJob,
  sentAgain,
  type SendOutcome,
} from './job-outcomes';
import type { RunJob, RunJobState } from '../store/run-model';
import { testRunSettings } from '../store/test-runs';

const http = (status: number, retryAfterMs?: number) =>
  new ServiceError({
    kind: 'http',
    status,
    message: `HTTP ${status}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
const network = new ServiceError({ kind: 'network', message: 'Could not reach it.' });
const timeout = new ServiceError({ kind: 'timeout', message: 'No answer.' });
const redirect = new ServiceError({ kind: 'redirect', message: 'Redirected.' });

const staying = { leaving: false, demo: false };
const leavingDemo = { leaving: true, demo: true };
const leavingAzure = { leaving: true, demo: false };

describe('after a send', () => {
  it.each<[string, unknown, typeof staying, SendOutcome['kind']]>([
    ['a refused key (401)', http(401), staying, 'auth-refused'],
    ['throttling (429)', http(429, 2_000), staying, 'throttled'],
    ['a bad request (400)', http(400), staying, 'refused'],
    ['a server error (500): answered, so nothing was accepted', http(500), staying, 'refused'],
    ['a redirect refused', redirect, staying, 'refused'],
    ['something that is not a service error', new TypeError('boom'), staying, 'refused'],
    ['a network error: the POST may have arrived', network, staying, 'unsure'],
    ['a timeout: the POST may have arrived', timeout, staying, 'unsure'],
    [
      'a network error on the demo while it stays',
      network,
      { leaving: false, demo: true },
      'unsure',
    ],
    [
      'a network error on the demo as the page unloads: never left',
      network,
      leavingDemo,
      'not-sent',
    ],
    [
      'a network error on Azure as the page unloads: may have arrived',
      network,
      leavingAzure,
      'unsure',
    ],
    ['a timeout on the demo as the page unloads: it had left', timeout, leavingDemo, 'unsure'],
    ['a 429 as the page unloads', http(429), leavingDemo, 'throttled'],
  ])('%s → %s', (_name, error, context, kind) => {
    expect(afterSendError(error, context).kind).toBe(kind);
  });

  it('a throttled send waits what the service asks, at most a minute', () => {
    expect(afterSendError(http(429, 2_000), staying)).toEqual({ kind: 'throttled', waitMs: 2_000 });
    expect(afterSendError(http(429, 999_999_000), staying)).toEqual({
      kind: 'throttled',
      waitMs: MAX_WAIT_MS,
    });
    expect(afterSendError(http(429), staying)).toEqual({ kind: 'throttled', waitMs: undefined });
  });
});

describe('after a poll', () => {
  it.each<[string, unknown, string]>([
    ['throttling (429)', http(429, 1_000), 'throttled'],
    ['an expired token (401)', http(401), 'auth-refused'],
    ['a job the service no longer has (404)', http(404), 'expired'],
    ['a server error (500)', http(500), 'stalled'],
    ['a network error', network, 'stalled'],
    ['a redirect refused', redirect, 'stalled'],
    ['something else', new Error('?'), 'stalled'],
  ])('%s → %s', (_name, error, kind) => {
    expect(afterPollError(error).kind).toBe(kind);
  });

  it('a throttled poll waits at most a minute', () => {
    expect(afterPollError(http(429, 999_999_000))).toEqual({
      kind: 'throttled',
      waitMs: MAX_WAIT_MS,
    });
  });
});

describe('waits', () => {
  it.each<[number | undefined, number | undefined]>([
    [undefined, undefined],
    [Number.NaN, undefined],
    [-5, 0],
    [1_500, 1_500],
    [60_000, 60_000],
    [999_999_000, MAX_WAIT_MS],
    [Number.POSITIVE_INFINITY, MAX_WAIT_MS],
  ])('clampWait(%s) = %s', (ms, expected) => {
    expect(clampWait(ms)).toBe(expected);
  });

  it('a poll is never scheduled past the 24 hours the service keeps the job', () => {
    const submittedAt = 1_000;
    expect(pollDelayWithinRetention(2_000, submittedAt, submittedAt + 10_000)).toBe(2_000);
    expect(pollDelayWithinRetention(999_999_000, submittedAt, submittedAt + 10_000)).toBe(
      MAX_WAIT_MS,
    );
    expect(
      pollDelayWithinRetention(30_000, submittedAt, submittedAt + JOB_RETENTION_MS - 5_000),
    ).toBe(5_000);
    expect(pollDelayWithinRetention(30_000, submittedAt, submittedAt + JOB_RETENTION_MS + 1)).toBe(
      0,
    );
    expect(pollDelayWithinRetention(2_000, undefined, 0)).toBe(2_000);
  });
});

describe('the job as sent', () => {
  it('carries the run settings and each document, with its own language only when it has one', () => {
    const input = jobInput({ ...testRunSettings, jobName: 'nightly' }, [
      { runId: 'r', index: 0, id: 'a', text: 'Hello' },
      { runId: 'r', index: 1, id: 'b', text: 'Hallo', language: 'de', labels: ['X'] },
    ]);
    expect(input).toEqual({
      endpoint: testRunSettings.endpoint,
      apiVersion: testRunSettings.apiVersion,
      labelMode: 'single',
      projectName: 'SupportTickets',
      deploymentName: 'production',
      modelId: '',
      language: 'en',
      jobName: 'nightly',
      documents: [
        { id: 'a', text: 'Hello' },
        { id: 'b', text: 'Hallo', language: 'de' },
      ],
    });
  });
});

const poll = (patch: Partial<JobPoll['snapshot']>, extra: Partial<JobPoll> = {}): JobPoll => ({
  snapshot: {
    jobId: 'job-1',
    status: 'succeeded',
    phase: 'done',
    tasks: { completed: 1, failed: 0, inProgress: 0, total: 1 },
    documents: [],
    errors: [],
    ...patch,
  },
  raw: {},
  retryAfterMs: undefined,
  pages: 1,
  truncated: false,
  ...extra,
});

describe('a finished job', () => {
  const documents = [
    { id: 'a', index: 10 },
    { id: 'b', index: 11 },
    { id: 'c', index: 12 },
  ];

  it('keeps one result per document it sent, under the document’s index; a missing one failed', () => {
    const { patch, results } = finishedJob(
      poll({
        createdAt: '2026-12-06T10:00:00Z',
        updatedAt: '2026-12-06T10:00:03Z',
        documents: [
          { id: 'a', classes: [], warnings: [] },
          { id: 'stranger', classes: [], warnings: [] },
          { id: 'a', classes: [], warnings: [] },
          { id: 'b', classes: [], warnings: [], error: { code: 'X', message: 'bad' } },
        ],
      }),
      documents,
      5,
    );
    expect(results.map(({ id, index }) => [id, index])).toEqual([
      ['a', 10],
      ['b', 11],
    ]);
    expect(patch).toMatchObject({
      state: 'finished',
      outcome: 'done',
      finishedAt: 5,
      serviceDurationMs: 3_000,
      failedDocuments: 2,
      error: undefined,
      resultsCut: undefined,
    });
  });

  it('a failed job says why; a cut one says how many pages were read', () => {
    const failed = finishedJob(
      poll({
        status: 'failed',
        phase: 'failed',
        errors: [{ code: 'InvalidRequest', message: 'outer', innerMessage: 'Deployment missing' }],
      }),
      documents,
      0,
    ).patch;
    expect(failed).toMatchObject({
      outcome: 'failed',
      error: 'Deployment missing',
      failedDocuments: 3,
    });
    expect(failed.failure?.kind).toBe('job-failed');
    const cut = finishedJob(
      poll({}, { truncated: true, pages: 500, truncatedBy: 'page-limit' }),
      documents,
      0,
    );
    expect(cut.patch.resultsCut).toEqual({ pages: 500, truncatedBy: 'page-limit' });
    expect(
      finishedJob(poll({ status: 'cancelled', phase: 'cancelled' }), documents, 0).patch,
    ).toMatchObject({
      outcome: 'cancelled',
      error: 'The job cancelled.',
    });
  });
});

const T0 = 1_700_000_000_000;

function makeJob(state: RunJobState, patch: Partial<RunJob> = {}): RunJob {
  return {
    runId: 'run-1',
    index: 3,
    documentIndexes: [75, 76],
    firstId: '75',
    lastId: '76',
    state,
    ...patch,
  };
}

const submitted = { jobUrl: 'https://x/jobs/1', submittedAt: T0 };
const DAY = JOB_RETENTION_MS;

describe('a stored job, as a runner takes the run up', () => {
  it.each<[string, RunJob, number, RunJob['state'] | undefined]>([
    ['queued: sent as usual', makeJob('queued'), T0, undefined],
    ['being sent: it may have arrived, so the user decides', makeJob('sending'), T0, 'unsure'],
    ['sent, within 24 hours: polled again', makeJob('sent', submitted), T0 + DAY - 1, undefined],
    [
      'sent, 24 hours ago: the service no longer has it',
      makeJob('sent', submitted),
      T0 + DAY,
      'expired',
    ],
    ['unsure: still the user’s to decide', makeJob('unsure', submitted), T0 + DAY, undefined],
    ['finished: kept as it is', makeJob('finished', submitted), T0 + 2 * DAY, undefined],
  ])('%s', (_, job, now, state) => {
    expect(resumedJob(job, now)?.state).toBe(state);
  });

  it('a job given up says why', () => {
    expect(expiredPatch(makeJob('sent', submitted), T0 + DAY)).toEqual({
      state: 'expired',
      error: EXPIRED_HERE,
    });
    expect(expiredPatch(makeJob('sent', {}), T0 + 10 * DAY)).toBeUndefined();
  });
});

describe('send again', () => {
  const lastTry = {
    ...submitted,
    jobId: 'j1',
    status: 'failed',
    outcome: 'failed',
    finishedAt: T0 + 1_000,
    error: 'Deployment missing',
    failure: { kind: 'job-failed', message: 'Deployment missing' },
    failedDocuments: 2,
  } satisfies Partial<RunJob>;

  it.each<[RunJobState, boolean]>([
    ['refused', true],
    ['unsure', true],
    ['expired', true],
    ['finished', true],
    ['cancelled', true],
    ['queued', true],
    ['sending', false],
    ['sent', false],
  ])('a %s job may be sent again: %s', (state, allowed) => {
    const patch = sentAgain(makeJob(state, lastTry));
    expect(patch !== undefined).toBe(allowed);
  });

  it('queues the job with nothing left of its last try', () => {
    const again = { ...makeJob('finished', lastTry), ...sentAgain(makeJob('finished', lastTry)) };
    // toEqual takes a key set to undefined as absent: every trace of the last try must be gone.
    expect(again).toEqual(makeJob('queued'));
  });
});
