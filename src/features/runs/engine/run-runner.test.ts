import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planBatch } from '../../../service/batching';
import { ServiceError } from '../../../service/errors';
import type { Credentials } from '../../../service/http';
import type { JobPoll } from '../../../service/jobs';
import type { DocumentResult, JobInput, JobPhase } from '../../../service/model';
import type { Run, RunSettings } from '../store/run-model';
import type { Clock } from './clock';
import { RunRunner, type RunRunnerDeps } from './run-runner';
import type { RunSecret, RunService } from './run-service';
import { MAX_WAIT_MS } from './job-outcomes';
import { stayingPage } from './page-leaving';
import { runLockName } from './run-lock';
import { FakeLocks } from './test-locks';
import { RETENTION_MS, runProgress, START_CONCURRENCY } from './run-schedule';
import { RunsDatabase } from '../store/runs-db';
import { createRunsRepository, type RunsRepository } from '../store/runs-repository';
import { testRunSettings } from '../store/test-runs';
import { newRunRows, type RunInputDocument } from '../store/new-run';

const T0 = 1_700_000_000_000;
const KEY = 'secret-key';

const realSetImmediate = globalThis.setImmediate;
/** Tasks fake-indexeddb has queued (it schedules with setImmediate) that have not run yet. */
let queuedTasks = 0;
vi.spyOn(globalThis, 'setImmediate').mockImplementation((callback, ...args) => {
  queuedTasks++;
  return realSetImmediate(() => {
    queuedTasks--;
    callback(...args);
  });
});

/** Lets IndexedDB and the promise chains waiting on it run, until nothing is left to run. */
async function settle(): Promise<void> {
  let quiet = 0;
  for (let round = 0; round < 100_000 && quiet < 2; round++) {
    await new Promise<void>((resolve) => realSetImmediate(resolve));
    quiet = queuedTasks === 0 ? quiet + 1 : 0;
  }
}

/** A clock whose time moves only when the test says; timers run in time order. */
class ManualClock implements Clock {
  time = T0;
  private readonly pending = new Map<
    ReturnType<typeof setTimeout>,
    { at: number; seq: number; callback: () => void }
  >();
  private seq = 0;

  now = (): number => this.time;

  setTimeout = (callback: () => void, ms: number): ReturnType<typeof setTimeout> => {
    // A real (spent) handle, so the type is the platform's and every timer has its own.
    const handle = setTimeout(() => undefined, 0);
    clearTimeout(handle);
    this.pending.set(handle, { at: this.time + Math.max(0, ms), seq: this.seq++, callback });
    return handle;
  };

  clearTimeout = (handle: ReturnType<typeof setTimeout>): void => {
    this.pending.delete(handle);
  };

  /** Moves time on by `ms`, running each timer that falls due, and what it sets off. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    await settle();
    for (;;) {
      let next:
        | [ReturnType<typeof setTimeout>, { at: number; seq: number; callback: () => void }]
        | undefined;
      for (const entry of this.pending) {
        if (entry[1].at > until) continue;
        if (
          !next ||
          entry[1].at < next[1].at ||
          (entry[1].at === next[1].at && entry[1].seq < next[1].seq)
        )
          next = entry;
      }
      if (!next) break;
      this.pending.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
      await settle();
    }
    this.time = until;
    await settle();
  }

  /** Time passes with the page asleep: nothing runs until the next advance. */
  jump(ms: number): void {
    this.time += ms;
  }
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

interface ServiceJob {
  url: string;
  input: JobInput;
  polls: number;
}

/** The Language service as a run sees it: accepts jobs, answers polls, finishes after a few polls. */
class FakeService implements RunService {
  readonly accepted: ServiceJob[] = [];
  readonly submitCalls: JobInput[] = [];
  readonly pollCalls: { url: string; credentials: Credentials }[] = [];
  readonly cancelCalls: { url: string; credentials: Credentials }[] = [];
  /** Polls a job answers `running` before it is done. */
  pollsBeforeDone = 1;
  /** Per-call overrides: return a promise to answer that call differently, or undefined for the default. */
  onSubmit: ((input: JobInput, call: number) => Promise<string> | undefined) | undefined;
  onPoll: ((job: ServiceJob, call: number) => Promise<JobPoll> | undefined) | undefined;
  resultsFor: (input: JobInput) => DocumentResult[] = (input) =>
    input.documents.map((document) => ({
      id: document.id,
      classes: [{ category: `class-of-${document.id}`, confidence: 0.9 }],
      warnings: [],
    }));
  pollsInFlight = 0;
  maxPollsInFlight = 0;

  constructor(private readonly clock: ManualClock) {}

  /** The key a submission must carry. */
  expectedKey = KEY;

  submit = (input: JobInput, secret: RunSecret): Promise<string> => {
    expect(secret.key).toBe(this.expectedKey);
    this.submitCalls.push(input);
    const override = this.onSubmit?.(input, this.submitCalls.length);
    if (override) return override;
    return Promise.resolve(this.accept(input));
  };

  accept(input: JobInput): string {
    const url = `https://myresource.cognitiveservices.azure.com/language/analyze-text/jobs/job-${this.accepted.length}`;
    this.accepted.push({ url, input, polls: 0 });
    return url;
  }

  poll = async (url: string, credentials: Credentials): Promise<JobPoll> => {
    this.pollCalls.push({ url, credentials });
    const job = this.accepted.find((candidate) => candidate.url === url);
    if (!job) throw new ServiceError({ kind: 'http', status: 404, message: 'Not found' });
    job.polls++;
    this.pollsInFlight++;
    this.maxPollsInFlight = Math.max(this.maxPollsInFlight, this.pollsInFlight);
    try {
      const override = this.onPoll?.(job, this.pollCalls.length);
      if (override) return await override;
      if (job.polls <= this.pollsBeforeDone) return jobPoll(job, 'running', []);
      return jobPoll(job, 'done', this.resultsFor(job.input));
    } finally {
      this.pollsInFlight--;
    }
  };

  cancel = (url: string, credentials: Credentials): Promise<void> => {
    this.cancelCalls.push({ url, credentials });
    return Promise.resolve();
  };

  /** Jobs accepted and not yet answered done, right now. */
  get open(): number {
    return this.accepted.filter((job) => job.polls <= this.pollsBeforeDone).length;
  }

  submittedIds(): string[] {
    return this.submitCalls.flatMap((input) => input.documents.map((document) => document.id));
  }

  /** Unused, but keeps the clock reachable for overrides that need time. */
  get now(): number {
    return this.clock.now();
  }
}

function jobPoll(
  job: ServiceJob,
  phase: JobPhase,
  documents: DocumentResult[],
  patch: Partial<JobPoll['snapshot']> = {},
): JobPoll {
  const status = {
    waiting: 'notStarted',
    running: 'running',
    done: 'succeeded',
    failed: 'failed',
    cancelled: 'cancelled',
  }[phase];
  const finished = phase === 'done' || phase === 'failed' || phase === 'cancelled';
  return {
    snapshot: {
      jobId: job.url.split('/').at(-1) ?? '',
      status,
      phase,
      tasks: {
        completed: finished ? 1 : 0,
        failed: phase === 'failed' ? 1 : 0,
        inProgress: finished ? 0 : 1,
        total: 1,
      },
      documents,
      errors: [],
      ...patch,
    },
    raw: {},
    retryAfterMs: undefined,
    pages: 1,
    truncated: false,
  };
}

const settings = testRunSettings;

function makeDocuments(count: number): RunInputDocument[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `doc-${index}`,
    text: `Ticket ${index}: it broke.`,
  }));
}

const databases: RunsDatabase[] = [];
const runners: RunRunner[] = [];

afterEach(async () => {
  for (const runner of runners.splice(0)) runner.stop();
  await settle();
  for (const db of databases.splice(0)) await db.delete();
});

interface Setup {
  clock: ManualClock;
  service: FakeService;
  repository: RunsRepository;
  run: Run;
  key: { value: string | undefined };
  makeRunner: (extra?: Pick<RunRunnerDeps, 'locks' | 'page'>) => RunRunner;
}

async function setup(documentCount: number, patch: Partial<RunSettings> = {}): Promise<Setup> {
  const db = new RunsDatabase(`run-runner-test-${crypto.randomUUID()}`);
  databases.push(db);
  const repository = createRunsRepository(db);
  const documents = makeDocuments(documentCount);
  const run = await repository.create({
    settings: { ...settings, ...patch },
    documents,
    plan: planBatch(documents),
    source: 'tickets.csv',
  });
  const clock = new ManualClock();
  const service = new FakeService(clock);
  const key: { value: string | undefined } = { value: KEY };
  const queryClient = new QueryClient();
  const makeRunner = (extra: Pick<RunRunnerDeps, 'locks' | 'page'> = {}) => {
    const runner = new RunRunner({
      run,
      repository,
      queryClient,
      secret: () => (key.value === undefined ? undefined : { key: key.value }),
      service,
      clock,
      ...extra,
    });
    runners.push(runner);
    return runner;
  };
  return { clock, service, repository, run, key, makeRunner };
}

async function states(repository: RunsRepository, runId: string) {
  return (await repository.jobs(runId)).map((job) => job.state);
}

/** Which of the run's jobs a submission carries (25 documents a job, ids doc-0, doc-1, …). */
const jobIndexOf = (input: JobInput) => Number(input.documents[0]?.id.slice('doc-'.length)) / 25;

/** The first POST of that job fails with `error`; every other POST is accepted. */
function failFirstSubmit(service: FakeService, jobIndex: number, error: ServiceError): void {
  let failed = false;
  service.onSubmit = (input) => {
    if (failed || jobIndexOf(input) !== jobIndex) return undefined;
    failed = true;
    return Promise.reject(error);
  };
}

const throttle = (retryAfterMs: number) =>
  new ServiceError({ kind: 'http', status: 429, message: 'Too many requests', retryAfterMs });

describe('RunRunner', () => {
  it('sends a 60-document run as 3 jobs and saves every result, in input order', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60);
    const runner = makeRunner();
    await runner.start();
    await clock.advance(10_000);
    const byJob = [...service.submitCalls].sort((a, b) => jobIndexOf(a) - jobIndexOf(b));
    expect(byJob.map((input) => input.documents.length)).toEqual([25, 25, 10]);
    expect(byJob.flatMap((input) => input.documents.map((document) => document.id))).toEqual(
      makeDocuments(60).map((document) => document.id),
    );
    expect(service.submitCalls[0]).toMatchObject({
      endpoint: settings.endpoint,
      apiVersion: '2023-04-01',
      projectName: 'SupportTickets',
      deploymentName: 'production',
      language: 'en',
    });
    const jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => [job.state, job.outcome, job.failedDocuments])).toEqual([
      ['finished', 'done', 0],
      ['finished', 'done', 0],
      ['finished', 'done', 0],
    ]);
    expect(
      jobs.every(
        (job) => job.jobUrl && job.submittedAt && job.finishedAt && job.status === 'succeeded',
      ),
    ).toBe(true);
    const results = await repository.results(run.id);
    expect(results.map((result) => result.id)).toEqual(
      makeDocuments(60).map((document) => document.id),
    );
    expect(results.map((result) => result.index)).toEqual([...Array(60).keys()]);
    expect(results[7]?.classes).toEqual([{ category: 'class-of-doc-7', confidence: 0.9 }]);
    expect(service.pollCalls.every((call) => call.credentials.key === KEY)).toBe(true);
    const progress = runProgress(run, jobs);
    expect(progress).toMatchObject({ status: 'done', documentsDone: 60, documentsFailed: 0 });
  });

  it('saves finished jobs in batches, not one transaction per result', async () => {
    const { clock, repository, run, makeRunner } = await setup(100);
    let calls = 0;
    const finishJobs = repository.finishJobs;
    repository.finishJobs = (runId, finished) => {
      calls++;
      return finishJobs(runId, finished);
    };
    await makeRunner().start();
    await clock.advance(10_000);
    expect(await repository.results(run.id)).toHaveLength(100);
    // Four jobs, finishing together: fewer saves than jobs.
    expect(calls).toBeLessThan(4);
  });

  it('a 429 on submit puts the job back in the queue and sends it once more, after the Retry-After', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60);
    service.onSubmit = (_input, call) => (call === 1 ? Promise.reject(throttle(2_000)) : undefined);
    const runner = makeRunner();
    await runner.start();
    await clock.advance(0);
    expect(runner.getLive().throttledUntil).toBe(T0 + 2_000);
    const refused = jobIndexOf(service.submitCalls[0] ?? { ...settings, documents: [] });
    expect((await repository.jobs(run.id))[refused]?.state).toBe('queued');
    // Nothing leaves before the Retry-After is over.
    const before = service.submitCalls.length;
    await clock.advance(1_900);
    expect(service.submitCalls).toHaveLength(before);
    await clock.advance(20_000);
    expect(service.submitCalls).toHaveLength(4);
    expect(service.accepted).toHaveLength(3);
    expect(await states(repository, run.id)).toEqual(['finished', 'finished', 'finished']);
    const results = await repository.results(run.id);
    expect(results).toHaveLength(60);
    expect(new Set(results.map((result) => result.id)).size).toBe(60);
  });

  it('a network error on submit makes the job unsure, and it is not sent again by itself', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60);
    failFirstSubmit(
      service,
      1,
      new ServiceError({ kind: 'network', message: 'Could not reach the service.' }),
    );
    await makeRunner().start();
    await clock.advance(60_000);
    const jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => job.state)).toEqual(['finished', 'unsure', 'finished']);
    expect(jobs[1]?.error).toBe('Could not reach the service.');
    expect(service.submitCalls).toHaveLength(3);
    expect(runProgress(run, jobs).status).toBe('needs-attention');
  });

  it('a timeout on submit is unsure too', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    service.onSubmit = () =>
      Promise.reject(new ServiceError({ kind: 'timeout', message: 'No answer in 30 s.' }));
    await makeRunner().start();
    await clock.advance(60_000);
    expect(await states(repository, run.id)).toEqual(['unsure']);
    expect(service.submitCalls).toHaveLength(1);
  });

  it('a 4xx on submit is refused; sendAgain sends it again and it finishes', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60);
    failFirstSubmit(
      service,
      0,
      new ServiceError({
        kind: 'http',
        status: 400,
        message: 'The deployment does not exist.',
      }),
    );
    const runner = makeRunner();
    await runner.start();
    await clock.advance(30_000);
    let jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => job.state)).toEqual(['refused', 'finished', 'finished']);
    expect(jobs[0]?.error).toBe('The deployment does not exist.');
    expect(runProgress(run, jobs)).toMatchObject({
      status: 'needs-attention',
      documentsFailed: 25,
    });
    await runner.sendAgain(0);
    await clock.advance(30_000);
    jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => job.state)).toEqual(['finished', 'finished', 'finished']);
    expect(jobs[0]?.error).toBeUndefined();
    expect(service.submitCalls).toHaveLength(4);
    expect(await repository.results(run.id)).toHaveLength(60);
    expect(runProgress(run, jobs).status).toBe('done');
  });

  it('a refused key (401) on submit sends nothing more and waits; another key goes on by itself', async () => {
    const { clock, service, repository, run, key, makeRunner } = await setup(60);
    const refused = new ServiceError({
      kind: 'http',
      status: 401,
      message: 'Access denied due to invalid subscription key.',
    });
    service.onSubmit = () => Promise.reject(refused);
    const runner = makeRunner();
    await runner.start();
    await clock.advance(10_000);
    expect(runner.getLive().authRefused).toBe(refused);
    expect(runner.getLive().waitingForKey).toBe(true);
    const tried = service.submitCalls.length;
    await clock.advance(30_000);
    // Not sent again with the key the service refused, and nothing is lost meanwhile.
    expect(service.submitCalls).toHaveLength(tried);
    expect(await states(repository, run.id)).toEqual(['queued', 'queued', 'queued']);

    service.onSubmit = undefined;
    service.expectedKey = 'the-right-key';
    key.value = 'the-right-key';
    runner.keyChanged();
    await clock.advance(30_000);
    expect(runner.getLive().authRefused).toBeUndefined();
    expect(await states(repository, run.id)).toEqual(['finished', 'finished', 'finished']);
    expect(await repository.results(run.id)).toHaveLength(60);
  });

  it('a 401 while polling (an expired token) parks the job until another token comes', async () => {
    const { clock, service, repository, run, key, makeRunner } = await setup(25);
    let refuse = true;
    service.onPoll = () =>
      refuse
        ? Promise.reject(new ServiceError({ kind: 'http', status: 401, message: 'Token expired.' }))
        : undefined;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(10_000);
    expect(runner.getLive().authRefused?.message).toBe('Token expired.');
    const polled = service.pollCalls.length;
    await clock.advance(30_000);
    expect(service.pollCalls).toHaveLength(polled);
    expect(await states(repository, run.id)).toEqual(['sent']);

    refuse = false;
    key.value = 'a-new-token';
    runner.keyChanged();
    await clock.advance(30_000);
    expect(await states(repository, run.id)).toEqual(['finished']);
    expect(service.pollCalls.at(-1)?.credentials.key).toBe('a-new-token');
  });

  it.each(['submit', 'poll'] as const)(
    'a 401 on %s for a key the form no longer holds (typed on while the request was out) goes on with the new key',
    async (request) => {
      const { clock, service, repository, run, key, makeRunner } = await setup(25);
      const refusal = new ServiceError({ kind: 'http', status: 401, message: 'Access denied.' });
      let answerRefusal: (() => void) | undefined;
      // The request that carries the first key is answered 401 when the test says so.
      if (request === 'submit')
        service.onSubmit = () =>
          new Promise<string>((_, reject) => (answerRefusal = () => reject(refusal)));
      else
        service.onPoll = () =>
          service.pollCalls.at(-1)?.credentials.key === KEY
            ? new Promise<JobPoll>((_, reject) => (answerRefusal = () => reject(refusal)))
            : undefined;
      const runner = makeRunner();
      await runner.start();
      await clock.advance(10_000);
      expect(answerRefusal).toBeDefined();
      // The user typed on: the form holds the whole key before the refusal of the first comes back.
      service.onSubmit = undefined;
      service.expectedKey = 'the-whole-key';
      key.value = 'the-whole-key';
      runner.keyChanged();
      answerRefusal?.();
      await clock.advance(30_000);
      expect(runner.getLive().waitingForKey).toBe(false);
      expect(runner.getLive().authRefused).toBeUndefined();
      expect(await states(repository, run.id)).toEqual(['finished']);
      // The new key went out (a submit checks it against expectedKey itself).
      if (request === 'poll')
        expect(service.pollCalls.at(-1)?.credentials.key).toBe('the-whole-key');
    },
  );

  it('sendAgain sends an unsure job again, once the user says so', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(30);
    failFirstSubmit(
      service,
      0,
      new ServiceError({ kind: 'network', message: 'Could not reach the service.' }),
    );
    const runner = makeRunner();
    await runner.start();
    await clock.advance(30_000);
    expect(await states(repository, run.id)).toEqual(['unsure', 'finished']);
    await runner.sendAgain(0);
    await clock.advance(30_000);
    expect(await states(repository, run.id)).toEqual(['finished', 'finished']);
    expect(service.submitCalls).toHaveLength(3);
  });

  it('sendAgain leaves a job that is sent alone', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    service.pollsBeforeDone = 1_000;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(2_000);
    await runner.sendAgain(0);
    await clock.advance(2_000);
    expect(service.submitCalls).toHaveLength(1);
    expect(await states(repository, run.id)).toEqual(['sent']);
  });

  it('after a reload: sending becomes unsure, sent is polled again, queued is sent, saved results stay', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(100);
    // What the closed page left: job 0 finished and saved, 1 mid-POST, 2 accepted, 3 not sent.
    await repository.finishJobs(run.id, [
      {
        index: 0,
        patch: {
          state: 'finished',
          outcome: 'done',
          failedDocuments: 0,
          jobUrl: 'https://x/jobs/old',
        },
        results: makeDocuments(25).map((document, index) => ({
          index,
          id: document.id,
          classes: [],
          warnings: [],
        })),
      },
    ]);
    await repository.updateJob(run.id, 1, { state: 'sending' });
    const [, , third] = await repository.jobs(run.id);
    const documents = await repository.documents(run.id, third?.documentIndexes);
    const acceptedUrl = service.accept({
      ...settings,
      documents: documents.map(({ id, text }) => ({ id, text })),
    });
    await repository.updateJob(run.id, 2, {
      state: 'sent',
      jobUrl: acceptedUrl,
      submittedAt: T0 - 5_000,
    });

    const runner = makeRunner();
    await runner.start();
    const reopened = await repository.jobs(run.id);
    expect(reopened.map((job) => job.state)).toEqual(['finished', 'unsure', 'sent', 'queued']);
    expect(reopened[1]?.error).toMatch(/may have received it/);
    await clock.advance(30_000);

    const jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => job.state)).toEqual(['finished', 'unsure', 'finished', 'finished']);
    // Only the queued job was sent; the accepted one was polled; the unsure one waits for the user.
    expect(service.submittedIds()).toEqual(
      makeDocuments(100)
        .slice(75)
        .map((document) => document.id),
    );
    expect(service.pollCalls.some((call) => call.url === acceptedUrl)).toBe(true);
    const results = await repository.results(run.id);
    expect(results.map((result) => result.index)).toEqual([
      ...Array(25).keys(),
      ...Array.from({ length: 50 }, (_, i) => 50 + i),
    ]);
    expect(runProgress(run, jobs)).toMatchObject({ status: 'needs-attention', documentsDone: 75 });
  });

  it('a runner stopped mid-way and started again on the same storage carries on without doubling a job', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(100);
    service.pollsBeforeDone = 3;
    const hanging = deferred<string>();
    // The third POST never gets an answer before the page closes.
    service.onSubmit = (_input, call) => (call === 3 ? hanging.promise : undefined);
    const first = makeRunner();
    await first.start();
    await clock.advance(2_000);
    expect(service.submitCalls).toHaveLength(4);
    first.stop();
    await settle();
    expect(await states(repository, run.id)).toEqual(['sent', 'sent', 'sending', 'sent']);

    service.onSubmit = undefined;
    const second = makeRunner();
    await second.start();
    await clock.advance(30_000);
    const jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => job.state)).toEqual(['finished', 'finished', 'unsure', 'finished']);
    // Nothing was sent a second time.
    expect(service.submitCalls).toHaveLength(4);
    expect(await repository.results(run.id)).toHaveLength(75);
  });

  it('jobs waiting for pacing when the page closes are found queued, not unsure', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60);
    service.onSubmit = (_input, call) => (call === 1 ? Promise.reject(throttle(5_000)) : undefined);
    service.pollsBeforeDone = 0;
    const first = makeRunner();
    await first.start();
    // The first POST was refused with Retry-After: 5; the other jobs wait for it.
    await clock.advance(3_000);
    expect(service.submitCalls).toHaveLength(1);
    first.stop();
    await settle();
    expect(await states(repository, run.id)).toEqual(['queued', 'queued', 'queued']);
    const second = makeRunner();
    await second.start();
    await clock.advance(30_000);
    expect(await states(repository, run.id)).toEqual(['finished', 'finished', 'finished']);
    expect(service.submitCalls).toHaveLength(4);
    expect(service.accepted).toHaveLength(3);
  });

  it('without a key it waits for the key, then carries on by itself once the key is there', async () => {
    const { clock, service, repository, run, key, makeRunner } = await setup(60);
    key.value = undefined;
    const runner = makeRunner();
    let notified = 0;
    runner.subscribe(() => notified++);
    await runner.start();
    await clock.advance(10_000);
    expect(runner.getLive().waitingForKey).toBe(true);
    expect(notified).toBeGreaterThan(0);
    expect(service.submitCalls).toHaveLength(0);
    expect(runProgress(run, await repository.jobs(run.id), false).status).toBe('waiting-for-key');
    key.value = KEY;
    runner.keyChanged();
    expect(runner.getLive().waitingForKey).toBe(false);
    await clock.advance(10_000);
    expect(await states(repository, run.id)).toEqual(['finished', 'finished', 'finished']);
  });

  it('sent jobs wait for the key too, and are polled again once it is there', async () => {
    const { clock, service, repository, run, key, makeRunner } = await setup(30);
    service.pollsBeforeDone = 1_000;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(1_000);
    expect(service.submitCalls).toHaveLength(2);
    key.value = undefined;
    await clock.advance(10_000);
    expect(runner.getLive().waitingForKey).toBe(true);
    const polls = service.pollCalls.length;
    await clock.advance(10_000);
    expect(service.pollCalls).toHaveLength(polls);
    service.pollsBeforeDone = 0;
    key.value = KEY;
    runner.keyChanged();
    await clock.advance(5_000);
    expect(await states(repository, run.id)).toEqual(['finished', 'finished']);
  });

  it('a key typed while a poll is under way does not start a second poll of that job', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    const answer = deferred<JobPoll>();
    service.onPoll = (_job, call) => (call === 1 ? answer.promise : undefined);
    const runner = makeRunner();
    await runner.start();
    await clock.advance(2_000);
    expect(service.pollCalls).toHaveLength(1);
    runner.keyChanged();
    runner.keyChanged();
    await clock.advance(100);
    expect(service.pollCalls).toHaveLength(1);
    const [job] = service.accepted;
    if (!job) throw new Error('the job was not accepted');
    answer.resolve(jobPoll(job, 'running', []));
    await clock.advance(10_000);
    expect(await states(repository, run.id)).toEqual(['finished']);
    expect(service.maxPollsInFlight).toBe(1);
  });

  it('pause stops sending (sent jobs still finish); resume carries on', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(150);
    const runner = makeRunner();
    await runner.start();
    await clock.advance(0);
    expect(service.submitCalls).toHaveLength(START_CONCURRENCY);
    await runner.setPaused(true);
    expect((await repository.get(run.id))?.intent).toBe('paused');
    await clock.advance(20_000);
    let jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => job.state)).toEqual([
      'finished',
      'finished',
      'finished',
      'finished',
      'queued',
      'queued',
    ]);
    expect(runProgress({ ...run, intent: 'paused' }, jobs).status).toBe('paused');
    await runner.setPaused(false);
    await clock.advance(20_000);
    jobs = await repository.jobs(run.id);
    expect(jobs.every((job) => job.state === 'finished')).toBe(true);
    expect(service.submitCalls).toHaveLength(6);
  });

  it('a job waiting for pacing when the run is paused is not sent until it is resumed', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60);
    service.onSubmit = (_input, call) => (call === 1 ? Promise.reject(throttle(5_000)) : undefined);
    service.pollsBeforeDone = 0;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(3_000);
    await runner.setPaused(true);
    await clock.advance(30_000);
    expect(service.submitCalls).toHaveLength(1);
    expect(await states(repository, run.id)).toEqual(['queued', 'queued', 'queued']);
    await runner.setPaused(false);
    await clock.advance(30_000);
    expect(await states(repository, run.id)).toEqual(['finished', 'finished', 'finished']);
  });

  it('cancel drops queued jobs and cancels sent GA jobs on the service', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(150);
    service.pollsBeforeDone = 1_000;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(2_000);
    await runner.cancel();
    expect((await repository.get(run.id))?.intent).toBe('cancelled');
    expect(await states(repository, run.id)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
      'cancelled',
      'cancelled',
    ]);
    expect(service.cancelCalls.map((call) => call.url)).toEqual(
      service.accepted.map((job) => job.url),
    );
    expect(service.cancelCalls[0]?.credentials).toEqual({ endpoint: settings.endpoint, key: KEY });
    // The service then reports them cancelled: they finish as such, and nothing more is sent.
    service.onPoll = (job) => Promise.resolve(jobPoll(job, 'cancelled', []));
    await clock.advance(30_000);
    const jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => [job.state, job.outcome])).toEqual([
      ['finished', 'cancelled'],
      ['finished', 'cancelled'],
      ['finished', 'cancelled'],
      ['finished', 'cancelled'],
      ['cancelled', undefined],
      ['cancelled', undefined],
    ]);
    expect(service.submitCalls).toHaveLength(4);
    expect(runProgress({ ...run, intent: 'cancelled' }, jobs).status).toBe('cancelled');
  });

  it('cancel does not call the service for the preview API, which has no cancel', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60, {
      apiVersion: 'v3.1-preview.ct.1',
      modelId: 'Tickets_SingleClassification_latest',
    });
    service.pollsBeforeDone = 1_000;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(2_000);
    await runner.cancel();
    expect(service.cancelCalls).toEqual([]);
    expect(await states(repository, run.id)).toEqual(['sent', 'sent', 'sent']);
  });

  it('a job whose POST was on its way when the run was cancelled is cancelled once accepted', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    const answer = deferred<string>();
    service.onSubmit = () => answer.promise;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(0);
    await runner.cancel();
    answer.resolve(service.accept(service.submitCalls[0] ?? { ...settings, documents: [] }));
    await clock.advance(0);
    expect(service.cancelCalls.map((call) => call.url)).toEqual([service.accepted[0]?.url]);
    expect(await states(repository, run.id)).toEqual(['sent']);
  });

  it('a job waiting for pacing when the run is cancelled is never sent', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(60);
    service.onSubmit = (_input, call) => (call === 1 ? Promise.reject(throttle(5_000)) : undefined);
    service.pollsBeforeDone = 0;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(3_000);
    await runner.cancel();
    await clock.advance(30_000);
    expect(service.submitCalls).toHaveLength(1);
    expect(await states(repository, run.id)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(service.cancelCalls).toEqual([]);
  });

  it('a poll answered 404 makes the job expired', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(30);
    service.onPoll = (job) =>
      jobIndexOf(job.input) === 0
        ? Promise.reject(new ServiceError({ kind: 'http', status: 404, message: 'Not found' }))
        : undefined;
    await makeRunner().start();
    await clock.advance(10_000);
    const jobs = await repository.jobs(run.id);
    expect(jobs.map((job) => job.state)).toEqual(['expired', 'finished']);
    expect(jobs[0]?.error).toMatch(/no longer has this job/);
    expect(runProgress(run, jobs)).toMatchObject({
      status: 'needs-attention',
      documentsFailed: 25,
    });
  });

  it('a job still unfinished 24 hours after it was sent is given up', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    service.pollsBeforeDone = 1_000_000;
    await makeRunner().start();
    await clock.advance(10_000);
    expect(await states(repository, run.id)).toEqual(['sent']);
    const polls = service.pollCalls.length;
    clock.jump(RETENTION_MS);
    await clock.advance(10_000);
    const [job] = await repository.jobs(run.id);
    expect(job?.state).toBe('expired');
    expect(job?.error).toMatch(/24 hours/);
    expect(service.pollCalls).toHaveLength(polls);
  });

  it('a sent job found past 24 hours after a reload is expired without a poll', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    await repository.updateJob(run.id, 0, {
      state: 'sent',
      jobUrl: 'https://myresource.cognitiveservices.azure.com/language/analyze-text/jobs/old',
      submittedAt: T0 - RETENTION_MS - 1,
    });
    await makeRunner().start();
    await clock.advance(10_000);
    expect(await states(repository, run.id)).toEqual(['expired']);
    expect(service.pollCalls).toHaveLength(0);
  });

  it('saves no result for an id the job never sent, nor a second result for one id', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(3);
    service.resultsFor = () => [
      { id: 'doc-1', classes: [{ category: 'First', confidence: 0.7 }], warnings: [] },
      { id: 'stranger', classes: [{ category: 'Nope', confidence: 0.9 }], warnings: [] },
      { id: 'doc-1', classes: [{ category: 'Second', confidence: 0.8 }], warnings: [] },
      {
        id: 'doc-0',
        classes: [],
        warnings: [],
        error: { code: 'InvalidDocument', message: 'Document text is empty.' },
      },
    ];
    await makeRunner().start();
    await clock.advance(10_000);
    const results = await repository.results(run.id);
    expect(results.map((result) => [result.id, result.classes[0]?.category])).toEqual([
      ['doc-0', undefined],
      ['doc-1', 'First'],
    ]);
    const [job] = await repository.jobs(run.id);
    // doc-0 came back with an error, doc-2 did not come back.
    expect(job?.failedDocuments).toBe(2);
    expect(runProgress(run, await repository.jobs(run.id)).status).toBe('done-with-failures');
  });

  it('a job the service failed is finished as failed, with the reason', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    service.onPoll = (job) =>
      Promise.resolve(
        jobPoll(job, 'failed', [], {
          errors: [
            {
              code: 'InvalidRequest',
              message: 'Job failed',
              innerMessage: 'The model was deleted.',
            },
          ],
        }),
      );
    await makeRunner().start();
    await clock.advance(10_000);
    const [job] = await repository.jobs(run.id);
    expect(job).toMatchObject({
      state: 'finished',
      outcome: 'failed',
      failedDocuments: 10,
      error: 'The model was deleted.',
    });
    expect(runProgress(run, await repository.jobs(run.id))).toMatchObject({
      status: 'done-with-failures',
      documentsFailed: 10,
    });
  });

  it('a poll answered 429 waits and polls again', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    service.onPoll = (_job, call) => (call === 1 ? Promise.reject(throttle(3_000)) : undefined);
    const runner = makeRunner();
    await runner.start();
    await clock.advance(2_000);
    expect(runner.getLive().throttledUntil).toBeGreaterThan(clock.now());
    await clock.advance(30_000);
    expect(await states(repository, run.id)).toEqual(['finished']);
  });

  it('a poll that fails otherwise stalls that job until Resume polling', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(10);
    service.onPoll = (_job, call) =>
      call === 1
        ? Promise.reject(new ServiceError({ kind: 'http', status: 500, message: 'Server error' }))
        : undefined;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(30_000);
    expect(runner.getLive().stalled.get(0)?.message).toBe('Server error');
    expect(service.pollCalls).toHaveLength(1);
    await runner.resumePolling(0);
    expect(runner.getLive().stalled.size).toBe(0);
    await clock.advance(30_000);
    expect(await states(repository, run.id)).toEqual(['finished']);
  });

  it('never has more than START_CONCURRENCY jobs out at first', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(500);
    service.pollsBeforeDone = 5;
    let maxOpen = 0;
    let firstFinishSeen = false;
    service.onSubmit = () => {
      if (!firstFinishSeen) maxOpen = Math.max(maxOpen, service.open + 1);
      return undefined;
    };
    service.onPoll = (job) => {
      if (job.polls > service.pollsBeforeDone) firstFinishSeen = true;
      return undefined;
    };
    const runner = makeRunner();
    await runner.start();
    expect(runner.getLive().concurrency).toBe(START_CONCURRENCY);
    await clock.advance(2_000);
    expect(service.submitCalls).toHaveLength(START_CONCURRENCY);
    await clock.advance(120_000);
    expect(maxOpen).toBeLessThanOrEqual(START_CONCURRENCY);
    expect(await repository.results(run.id)).toHaveLength(500);
    expect(service.submitCalls).toHaveLength(20);
  });

  it('when storage fills, stops sending, keeps polling the accepted jobs from memory, and says so', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(200);
    const { StorageFullError } = await import('../store/runs-repository');
    const updateJob = repository.updateJob;
    const full = () => new StorageFullError(new DOMException('full', 'QuotaExceededError'));
    let filled = false;
    repository.updateJob = (runId, index, patch) => {
      // The first 202's job URL does not fit; from then on no small write does either.
      if (patch.state === 'sent' && index === 0) filled = true;
      return filled ? Promise.reject(full()) : updateJob(runId, index, patch);
    };
    const runner = makeRunner();
    await runner.start();
    await clock.advance(30_000);
    expect(runner.getLive().storageError).toMatch(/no room left/);
    // The four jobs out when it filled were accepted and are followed to the end; no more are sent.
    expect(service.submitCalls).toHaveLength(START_CONCURRENCY);
    expect(service.accepted.every((job) => job.polls >= 2)).toBe(true);
    const jobs = await repository.jobs(run.id);
    expect(jobs.slice(0, 4).map((job) => job.state)).toEqual(Array(4).fill('finished'));
    expect(jobs.slice(4).every((job) => job.state === 'queued')).toBe(true);
    expect(await repository.results(run.id)).toHaveLength(100);
  });

  it('a Retry-After of 999999 s waits at most a minute, and Retry now sends at once', async () => {
    const { clock, service, run, repository, makeRunner } = await setup(25);
    failFirstSubmit(service, 0, throttle(999_999_000));
    const runner = makeRunner();
    await runner.start();
    await clock.advance(0);
    expect(service.submitCalls).toHaveLength(1);
    const waitMs = runner.getLive().throttledUntil - clock.now();
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(MAX_WAIT_MS);
    await clock.advance(MAX_WAIT_MS + 5_000);
    expect(service.submitCalls).toHaveLength(2);
    expect(await states(repository, run.id)).toEqual(['finished']);

    const again = await setup(25);
    failFirstSubmit(again.service, 0, throttle(999_999_000));
    const second = again.makeRunner();
    await second.start();
    await again.clock.advance(1_000);
    expect(again.service.submitCalls).toHaveLength(1);
    await second.retryNow();
    await again.clock.advance(0);
    expect(again.service.submitCalls).toHaveLength(2);
    expect(second.getLive().throttledUntil).toBe(0);
  });

  it('a poll asking to wait 999999 s is asked again within a minute; never past the 24 hours', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(25);
    service.pollsBeforeDone = Number.POSITIVE_INFINITY;
    service.onPoll = (job) =>
      Promise.resolve({ ...jobPoll(job, 'running', []), retryAfterMs: 999_999_000 });
    const runner = makeRunner();
    await runner.start();
    await clock.advance(5_000);
    const first = service.pollCalls.length;
    expect(first).toBeGreaterThan(0);
    await clock.advance(MAX_WAIT_MS);
    expect(service.pollCalls.length).toBeGreaterThan(first);
    const submittedAt = (await repository.jobs(run.id))[0]?.submittedAt ?? 0;
    await clock.advance(24 * 60 * 60 * 1000);
    expect(await states(repository, run.id)).toEqual(['expired']);
    // The last poll came before the service dropped the job, and it was given up at that moment.
    expect(clock.now() - submittedAt).toBeGreaterThanOrEqual(RETENTION_MS);
    const polls = service.pollCalls.length;
    await clock.advance(10 * MAX_WAIT_MS);
    expect(service.pollCalls.length).toBe(polls);
  });

  it('starts no POST once the page is leaving; carries on if it stays', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(50);
    const page = stayingPage();
    page.leave();
    const runner = makeRunner({ page });
    await runner.start();
    await clock.advance(2_000);
    expect(service.submitCalls).toHaveLength(0);
    // Nothing was stored as on its way: a reload would find both jobs queued, not "maybe sent".
    expect(await states(repository, run.id)).toEqual(['queued', 'queued']);
    page.stay();
    await clock.advance(10_000);
    expect(service.submitCalls).toHaveLength(2);
    expect(await states(repository, run.id)).toEqual(['finished', 'finished']);
  });

  it('a POST failing as the page unloads: not sent on the demo, maybe sent on a real service', async () => {
    for (const [endpoint, expected] of [
      ['https://demo.classify-console.invalid', 'queued'],
      ['https://myresource.cognitiveservices.azure.com', 'unsure'],
    ] as const) {
      const { clock, service, repository, run, makeRunner } = await setup(25, { endpoint });
      const page = stayingPage();
      service.onSubmit = () => {
        page.leave();
        return Promise.reject(new ServiceError({ kind: 'network', message: 'Failed to fetch' }));
      };
      const runner = makeRunner({ page });
      await runner.start();
      await clock.advance(1_000);
      expect(await states(repository, run.id)).toEqual([expected]);
    }
  });

  it('the job URL is saved the moment the 202 arrives, before the job is polled', async () => {
    const { clock, service, repository, run, makeRunner } = await setup(25);
    const accepted = deferred<string>();
    service.onSubmit = () => accepted.promise;
    const runner = makeRunner();
    await runner.start();
    await clock.advance(0);
    expect((await repository.jobs(run.id))[0]?.state).toBe('sending');
    const [input] = service.submitCalls;
    if (!input) throw new Error('The job was not sent.');
    accepted.resolve(service.accept(input));
    await settle();
    const [job] = await repository.jobs(run.id);
    expect(job?.state).toBe('sent');
    expect(job?.jobUrl).toMatch(/job-0$/);
    expect(service.pollCalls).toHaveLength(0);
  });

  describe('two tabs on one run', () => {
    it('one tab drives; the other watches, sends nothing, and takes over when the first closes', async () => {
      const { clock, service, repository, run, makeRunner } = await setup(250);
      const locks = new FakeLocks();
      const first = makeRunner({ locks });
      const second = makeRunner({ locks });
      await first.start();
      await second.start();
      expect(first.getLive().elsewhere).toBe(false);
      expect(second.getLive().elsewhere).toBe(true);
      await clock.advance(1_500);
      const sentByFirst = service.submitCalls.length;
      expect(sentByFirst).toBeGreaterThan(0);
      expect(sentByFirst).toBeLessThan(10);
      // The first tab closes mid-run: its lock goes with it.
      first.stop();
      await settle();
      expect(second.getLive().elsewhere).toBe(false);
      await clock.advance(120_000);
      expect(await states(repository, run.id)).toEqual(Array(10).fill('finished'));
      // Every job went out once: the second tab polled what the first had sent.
      const firsts = service.submitCalls.map((input) => input.documents[0]?.id);
      expect(new Set(firsts).size).toBe(10);
      expect(service.submitCalls).toHaveLength(10);
      expect(await repository.results(run.id)).toHaveLength(250);
    });

    it('a job the closed tab had on its way (no answer saved) waits for the user, unsent', async () => {
      const { clock, service, repository, run, makeRunner } = await setup(50);
      const locks = new FakeLocks();
      service.onSubmit = (_input, call) => (call === 1 ? new Promise(() => undefined) : undefined);
      const first = makeRunner({ locks });
      const second = makeRunner({ locks });
      await first.start();
      await second.start();
      await clock.advance(100);
      first.stop();
      await clock.advance(30_000);
      expect(await states(repository, run.id)).toEqual(['unsure', 'finished']);
      expect(service.submitCalls).toHaveLength(2);
    });

    it('a run with nothing left lets its lock go, so another tab can send a job again', async () => {
      const { clock, service, repository, run, makeRunner } = await setup(25);
      failFirstSubmit(service, 0, new ServiceError({ kind: 'http', status: 400, message: 'Bad' }));
      const locks = new FakeLocks();
      const first = makeRunner({ locks });
      await first.start();
      await clock.advance(1_000);
      expect(await states(repository, run.id)).toEqual(['refused']);
      expect(locks.isHeld(runLockName(run.id))).toBe(false);
      const second = makeRunner({ locks });
      await second.start();
      expect(second.getLive().elsewhere).toBe(false);
      await second.sendAgain(0);
      await clock.advance(10_000);
      expect(await states(repository, run.id)).toEqual(['finished']);
      expect(service.submitCalls).toHaveLength(2);
    });

    it('a watching tab ignores the controls and the key: only the driving tab acts', async () => {
      const { clock, service, makeRunner } = await setup(250);
      const locks = new FakeLocks();
      const first = makeRunner({ locks });
      const second = makeRunner({ locks });
      await first.start();
      await second.start();
      second.keyChanged();
      await second.sendAgain(0);
      await second.resumePolling(0);
      await second.retryNow();
      await clock.advance(1_000);
      const firsts = service.submitCalls.map((input) => input.documents[0]?.id);
      expect(new Set(firsts).size).toBe(firsts.length);
    });
  });
});

describe('a live run: the runner owns it in memory, storage follows', () => {
  async function liveSetup(documentCount: number) {
    const db = new RunsDatabase(`run-runner-live-${crypto.randomUUID()}`);
    databases.push(db);
    const repository = createRunsRepository(db);
    const documents = makeDocuments(documentCount);
    const rows = newRunRows({ settings, documents, plan: planBatch(documents), source: 'x.csv' });
    await repository.insert(rows);
    const clock = new ManualClock();
    const service = new FakeService(clock);
    const runner = new RunRunner({
      run: rows.run,
      repository,
      queryClient: new QueryClient(),
      secret: () => ({ key: KEY }),
      service,
      clock,
      initial: { jobs: rows.jobs, documents: rows.documents },
    });
    runners.push(runner);
    return { repository, clock, service, runner, run: rows.run };
  }

  it('a run made in this page sends its first jobs without reading its jobs or documents back', async () => {
    const { repository, clock, service, runner, run } = await liveSetup(60);
    const jobReads = vi.spyOn(repository, 'jobs');
    const documentReads = vi.spyOn(repository, 'documents');
    await runner.start();
    await clock.advance(0);
    expect(service.submitCalls).toHaveLength(Math.min(3, START_CONCURRENCY));
    expect(jobReads).not.toHaveBeenCalled();
    expect(documentReads).not.toHaveBeenCalled();
    // Each job was stored as possibly sent before its POST, and as sent once accepted.
    expect((await states(repository, run.id)).slice(0, service.submitCalls.length)).toEqual(
      service.submitCalls.map(() => 'sent'),
    );
  });

  it('hands a finished job’s results to the screen the moment its poll answers, and stores them just after', async () => {
    const { repository, clock, runner, run } = await liveSetup(25);
    const write = deferred<undefined>();
    const finishJobs = repository.finishJobs;
    repository.finishJobs = async (runId, finished) => {
      await write.promise;
      return finishJobs(runId, finished);
    };
    const handed: { job: number; results: number }[] = [];
    runner.onFinished(({ job, results }) =>
      handed.push({ job: job.index, results: results.length }),
    );
    await runner.start();
    await clock.advance(10_000);

    expect(handed).toEqual([{ job: 0, results: 25 }]);
    expect(runner.getJobs()?.map((job) => job.state)).toEqual(['finished']);
    // Storage has not caught up yet: the screen did not wait for it.
    expect(await states(repository, run.id)).toEqual(['sent']);
    expect(await repository.results(run.id)).toHaveLength(0);

    write.resolve(undefined);
    await runner.flushed();
    expect(await states(repository, run.id)).toEqual(['finished']);
    expect(await repository.results(run.id)).toHaveLength(25);
  });

  it('tells its subscribers when a job changes, and offers no jobs once it no longer drives the run', async () => {
    const { clock, runner } = await liveSetup(25);
    let told = 0;
    runner.subscribe(() => told++);
    expect(runner.getJobs()).toBeUndefined();
    await runner.start();
    expect(runner.getJobs()?.map((job) => job.state)).toEqual(['sending']);
    await clock.advance(10_000);
    expect(told).toBeGreaterThan(2);
    expect(runner.getJobs()?.map((job) => job.state)).toEqual(['finished']);
  });

  it('a run deleted in another tab meanwhile sends nothing more: its job is no longer stored', async () => {
    const { repository, clock, service, runner, run } = await liveSetup(25);
    await repository.remove(run.id);
    await runner.start();
    await clock.advance(10_000);
    expect(service.submitCalls).toHaveLength(0);
  });
});
