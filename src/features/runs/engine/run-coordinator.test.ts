import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planBatch } from '../../../service/batching';
import type { Credentials } from '../../../service/http';
import type { JobPoll } from '../../../service/jobs';
import type { JobInput } from '../../../service/model';
import { liveEvery, RunCoordinator } from './run-coordinator';
import type { RunSettings } from '../store/run-model';
import type { Clock } from './clock';
import type { RunService } from './run-service';
import type { RunLockManager } from './run-lock';
import { runLockName } from './run-lock';
import { FakeLocks } from './test-locks';
import { StorageFullError } from '../store/runs-repository';
import { RunsDatabase } from '../store/runs-db';
import { createRunsRepository, type RunsRepository } from '../store/runs-repository';
import { testRunSettings } from '../store/test-runs';
import type { RunInputDocument } from '../store/new-run';
import { runFromFile } from '../file/run-from-file';
import { readRunFile } from '../file/run-file-read';
import { writeRunFile } from '../file/run-file-write';

const KEY = 'secret-key';

const settings = testRunSettings;

/** Time stands still: the runners send what they may at once, and no poll ever falls due. */
const stillClock: Clock = {
  now: () => 1_700_000_000_000,
  setTimeout: () => {
    const handle = setTimeout(() => undefined, 0);
    clearTimeout(handle);
    return handle;
  },
  clearTimeout: () => undefined,
};

class RecordingService implements RunService {
  readonly submitted: JobInput[] = [];
  readonly cancelled: string[] = [];

  submit = (input: JobInput): Promise<string> => {
    this.submitted.push(input);
    return Promise.resolve(
      `${settings.endpoint}/language/analyze-text/jobs/job-${this.submitted.length}`,
    );
  };

  poll = (jobUrl: string): Promise<JobPoll> =>
    Promise.reject(new Error(`No poll was expected (${jobUrl}).`));

  cancel = (jobUrl: string, _credentials: Credentials): Promise<void> => {
    this.cancelled.push(jobUrl);
    return Promise.resolve();
  };
}

/** Lets IndexedDB (fake-indexeddb schedules with setImmediate) and the runners' promise chains run. */
async function until(condition: () => boolean | Promise<boolean>, rounds = 2_000): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    if (await condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('The condition never came true.');
}

const databases: RunsDatabase[] = [];
const coordinators: RunCoordinator[] = [];

afterEach(async () => {
  for (const coordinator of coordinators.splice(0)) coordinator.stopAll();
  for (const db of databases.splice(0)) await db.delete();
});

function setup(locks?: RunLockManager): {
  repository: RunsRepository;
  service: RecordingService;
  coordinator: RunCoordinator;
} {
  const db = new RunsDatabase(`run-coordinator-test-${crypto.randomUUID()}`);
  databases.push(db);
  const repository = createRunsRepository(db);
  const service = new RecordingService();
  const coordinator = new RunCoordinator({
    repository,
    queryClient: new QueryClient(),
    secretFor: (endpoint) => (endpoint === settings.endpoint ? { key: KEY } : undefined),
    service,
    clock: stillClock,
    ...(locks ? { locks } : {}),
  });
  coordinators.push(coordinator);
  return { repository, service, coordinator };
}

function makeDocuments(count: number): RunInputDocument[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `doc-${index}`,
    text: `Ticket ${index}.`,
    ...(index % 2 === 0 ? { labels: ['Billing'] } : {}),
    ...(index === 1 ? { language: 'fr' } : {}),
  }));
}

function newRun(documents: RunInputDocument[], patch: Partial<RunSettings> = {}) {
  return {
    settings: { ...settings, ...patch },
    documents,
    plan: planBatch(documents),
    source: 'tickets.csv',
  };
}

describe('RunCoordinator', () => {
  it('startRun stores the run first, then sends it', async () => {
    const { repository, service, coordinator } = setup();
    const run = await coordinator.startRun(newRun(makeDocuments(30)));
    expect(await repository.get(run.id)).toBeDefined();
    expect(coordinator.runner(run.id)).toBeDefined();
    await until(() => service.submitted.length === 2);
  });

  it('stores a new run in one write with its first jobs marked as possibly sent, before any POST leaves', async () => {
    const { repository, service, coordinator } = setup();
    let storeRun: () => void = () => undefined;
    const insert = repository.insert;
    const inserts: string[][] = [];
    repository.insert = async (rows) => {
      inserts.push(rows.jobs.map((job) => job.state));
      await new Promise<void>((resolve) => (storeRun = resolve));
      return insert(rows);
    };
    const updates = vi.spyOn(repository, 'updateJob');
    const started = coordinator.startRun(newRun(makeDocuments(60)));
    // 60 documents: three jobs, each sent at once (within the starting concurrency).
    await until(() => inserts.length === 1);
    expect(inserts).toEqual([['sending', 'sending', 'sending']]);
    expect(updates).not.toHaveBeenCalled();
    for (let round = 0; round < 50; round++) await new Promise((resolve) => setImmediate(resolve));
    expect(service.submitted).toHaveLength(0);

    storeRun();
    const run = await started;
    await until(() => service.submitted.length === 3);
    expect(inserts).toHaveLength(1);
    const jobs = await repository.jobs(run.id);
    await until(async () => (await repository.jobs(run.id)).every((job) => job.state === 'sent'));
    expect(jobs).toHaveLength(3);
  });

  it('a new run the browser cannot store sends nothing, is not kept, and startRun says why', async () => {
    const { repository, service, coordinator } = setup();
    repository.insert = () => Promise.reject(new StorageFullError(new Error('QuotaExceededError')));
    await expect(coordinator.startRun(newRun(makeDocuments(30)))).rejects.toBeInstanceOf(
      StorageFullError,
    );
    for (let round = 0; round < 50; round++) await new Promise((resolve) => setImmediate(resolve));
    expect(service.submitted).toHaveLength(0);
    expect(await repository.list()).toHaveLength(0);
    expect(coordinator.getLive().size).toBe(0);
  });

  it("a new run's first POST does not wait for its lock, which this tab holds from then on", async () => {
    const locks = new FakeLocks();
    let grant: () => void = () => undefined;
    // A lock manager slow to answer (a round trip to the browser, behind the page's own work).
    const slow: RunLockManager = {
      request: (name, options, callback) =>
        new Promise<void>((resolve) => (grant = resolve)).then(() =>
          locks.request(name, options, callback),
        ),
    };
    const { service, coordinator } = setup(slow);
    const run = await coordinator.startRun(newRun(makeDocuments(30)));
    await until(() => service.submitted.length === 2);
    expect(locks.isHeld(runLockName(run.id))).toBe(false);
    grant();
    await until(() => locks.isHeld(runLockName(run.id)));
  });

  it('resumeAll starts a runner only for the runs with work left', async () => {
    const { repository, service, coordinator } = setup();
    const queued = await repository.create(newRun(makeDocuments(30), { jobName: 'queued' }));
    const finished = await repository.create(newRun(makeDocuments(10), { jobName: 'finished' }));
    await repository.updateJob(finished.id, 0, { state: 'finished', outcome: 'done' });
    const attention = await repository.create(newRun(makeDocuments(10), { jobName: 'unsure' }));
    await repository.updateJob(attention.id, 0, { state: 'unsure' });
    const sent = await repository.create(newRun(makeDocuments(10), { jobName: 'sent' }));
    await repository.updateJob(sent.id, 0, {
      state: 'sent',
      jobUrl: `${settings.endpoint}/language/analyze-text/jobs/old`,
      submittedAt: stillClock.now(),
    });
    let notified = 0;
    coordinator.subscribe(() => notified++);

    await coordinator.resumeAll();
    expect(coordinator.runner(queued.id)).toBeDefined();
    expect(coordinator.runner(sent.id)).toBeDefined();
    expect(coordinator.runner(finished.id)).toBeUndefined();
    expect(coordinator.runner(attention.id)).toBeUndefined();
    expect(notified).toBe(2);
    await until(() => service.submitted.length === 2);
    expect(service.submitted.every((input) => input.documents[0]?.id !== undefined)).toBe(true);

    // A second call (a remount) starts nothing twice.
    const runner = coordinator.runner(queued.id);
    await coordinator.resumeAll();
    expect(coordinator.runner(queued.id)).toBe(runner);
    expect(notified).toBe(2);
  });

  it('rerun sends the same documents, with their labels, as a new run with the new settings', async () => {
    const { repository, service, coordinator } = setup();
    const documents = makeDocuments(30);
    const source = await repository.create(newRun(documents));
    const rerun = await coordinator.rerun(source.id, { ...settings, deploymentName: 'staging' });
    if (!rerun) throw new Error('rerun made no run');
    expect(rerun.id).not.toBe(source.id);
    expect(rerun.settings.deploymentName).toBe('staging');
    expect(rerun.name).toBe('SupportTickets/staging · 30 docs');
    expect(rerun.source).toBe('tickets.csv');
    expect(rerun.labelled).toBe(true);
    const copied = await repository.documents(rerun.id);
    expect(
      copied.map(({ id, text, language, labels }) => ({ id, text, language, labels })),
    ).toEqual(documents.map(({ id, text, language, labels }) => ({ id, text, language, labels })));
    expect((await repository.jobs(rerun.id)).map((job) => job.documentIndexes.length)).toEqual([
      25, 5,
    ]);
    await until(() => service.submitted.length === 2);
    expect(service.submitted.every((input) => input.deploymentName === 'staging')).toBe(true);
    // The source run is left as it was.
    expect((await repository.jobs(source.id)).map((job) => job.state)).toEqual([
      'queued',
      'queued',
    ]);
    expect(await repository.list()).toHaveLength(2);
  });

  it("rerun carries the review's corrections as the new run's labels", async () => {
    const { repository, coordinator } = setup();
    const source = await repository.create(newRun(makeDocuments(3)));
    await repository.setCorrection(source.id, 0, 'doc-0', ['Shipping']);
    await repository.setCorrection(source.id, 1, 'doc-1', ['TechnicalIssue']);
    const rerun = await coordinator.rerun(source.id, settings);
    if (!rerun) throw new Error('rerun made no run');
    const copied = await repository.documents(rerun.id);
    expect(copied.map(({ id, labels }) => ({ id, labels }))).toEqual([
      { id: 'doc-0', labels: ['Shipping'] },
      { id: 'doc-1', labels: ['TechnicalIssue'] },
      { id: 'doc-2', labels: ['Billing'] },
    ]);
  });

  it('rerun keeps oversized documents, reported again', async () => {
    const { repository, coordinator } = setup();
    const source = await repository.create(
      newRun([
        { id: 'small', text: 'Short.' },
        { id: 'huge', text: 'x'.repeat(130_000) },
      ]),
    );
    const rerun = await coordinator.rerun(source.id, settings);
    expect(rerun?.oversized).toEqual([{ id: 'huge', characters: 130_000 }]);
    expect(rerun?.documentCount).toBe(2);
  });

  it('rerun of a run that is gone does nothing', async () => {
    const { repository, coordinator } = setup();
    expect(await coordinator.rerun('no-such-run', settings)).toBeUndefined();
    expect(await repository.list()).toEqual([]);
  });

  it('remove stops the runner, cancels its sent jobs and deletes the run from this browser', async () => {
    const { repository, service, coordinator } = setup();
    const kept = await repository.create(newRun(makeDocuments(10), { jobName: 'kept' }));
    const run = await coordinator.startRun(newRun(makeDocuments(30)));
    await until(async () => (await repository.jobs(run.id)).every((job) => job.state === 'sent'));
    let notified = 0;
    coordinator.subscribe(() => notified++);
    await coordinator.remove(run.id);
    expect(coordinator.runner(run.id)).toBeUndefined();
    expect(notified).toBe(1);
    expect(service.cancelled).toHaveLength(2);
    expect(await repository.get(run.id)).toBeUndefined();
    expect(await repository.jobs(run.id)).toEqual([]);
    expect(await repository.documents(run.id)).toEqual([]);
    expect((await repository.list()).map((listed) => listed.id)).toEqual([kept.id]);
  });

  it('remove deletes a run that has no runner', async () => {
    const { repository, coordinator } = setup();
    const run = await repository.create(newRun(makeDocuments(10)));
    await coordinator.remove(run.id);
    expect(await repository.list()).toEqual([]);
    expect(await repository.db.documents.count()).toBe(0);
  });

  it('wake starts a runner for a run that had none', async () => {
    const { repository, service, coordinator } = setup();
    const run = await repository.create(newRun(makeDocuments(10)));
    await repository.updateJob(run.id, 0, { state: 'refused' });
    const runner = await coordinator.wake(run.id);
    expect(runner).toBe(coordinator.runner(run.id));
    await runner?.sendAgain(0);
    await until(() => service.submitted.length === 1);
    expect(await coordinator.wake('no-such-run')).toBeUndefined();
  });
});

describe('how often the screen is handed the live runs', () => {
  it('every 50 ms for a few jobs, less often for many, at least every second', () => {
    expect(liveEvery(3)).toBe(50);
    expect(liveEvery(400)).toBe(200);
    expect(liveEvery(4_000)).toBe(1_000);
  });

  it('importRun stores a run from a file without driving it; Replace lets a runner of this page go without a word to the service', async () => {
    const { repository, service, coordinator } = setup();
    const run = await coordinator.startRun(newRun(makeDocuments(30)));
    await until(() => service.submitted.length === 2);
    // Exported mid-flight: both jobs are out (sent) in the exporting page.
    await until(async () => (await repository.jobs(run.id)).every((job) => job.state === 'sent'));
    const [jobs, results, corrections] = await Promise.all([
      repository.jobs(run.id),
      repository.results(run.id),
      repository.corrections(run.id),
    ]);
    const stored = await repository.get(run.id);
    if (!stored) throw new Error('The run was not stored.');
    const documents = await repository.documents(run.id);
    const { blob } = await writeRunFile({
      run: stored,
      jobs,
      results,
      corrections,
      documents: (async function* () {
        yield await Promise.resolve(documents);
      })(),
    });
    const whole = runFromFile(await readRunFile(blob));

    await coordinator.importRun(whole, true);
    expect(coordinator.runner(run.id)).toBeUndefined();
    expect((await repository.jobs(run.id)).map((job) => job.state)).toEqual(['unsure', 'unsure']);
    await coordinator.resumeAll();
    expect(coordinator.runner(run.id)).toBeUndefined();
    expect(service.submitted).toHaveLength(2);
    expect(service.cancelled).toEqual([]);
  });
});
