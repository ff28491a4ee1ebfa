import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRunRows } from '../features/runs/store/new-run';
import { planBatch } from '../service/batching';
import { JOURNAL_FILE, JournalStorage } from './journal-storage';

const documents = Array.from({ length: 30 }, (_, index) => ({
  id: `d${index}`,
  text: `text ${index}`,
}));
const rows = () =>
  newRunRows(
    {
      settings: {
        endpoint: 'http://127.0.0.1:4010',
        resourceEndpoint: 'http://127.0.0.1:4010',
        useProxy: false,
        apiVersion: '2024-11-01',
        labelMode: 'single',
        projectName: 'P',
        deploymentName: 'd',
        modelId: '',
        language: '',
        jobName: '',
      },
      documents,
      plan: planBatch(documents),
      source: 'docs.jsonl',
    },
    'run-1',
    Date.parse('2026-12-06T12:00:00Z'),
  );

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('JournalStorage', () => {
  it('replays what was written: a job marked as being sent, a sent job’s URL, results', async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const journal = await JournalStorage.create(dir, rows(), 'fp');
    await journal.updateJob('run-1', 0, { state: 'sending', error: undefined });
    await journal.updateJob('run-1', 1, {
      state: 'sent',
      jobUrl: 'http://127.0.0.1:4010/jobs/1',
      submittedAt: 5,
    });
    await journal.finishJobs('run-1', [
      {
        index: 1,
        patch: { state: 'finished', outcome: 'done', error: undefined },
        results: [
          { index: 25, id: 'd25', classes: [{ category: 'A', confidence: 0.5 }], warnings: [] },
        ],
      },
    ]);
    await journal.close();

    const again = await JournalStorage.resume(dir);
    expect(again?.fingerprint).toBe('fp');
    const jobs = (await again?.jobs()) ?? [];
    expect(jobs[0]?.state).toBe('sending');
    expect(jobs[1]).toMatchObject({
      state: 'finished',
      jobUrl: 'http://127.0.0.1:4010/jobs/1',
      submittedAt: 5,
    });
    expect(again?.whole().results).toEqual([
      {
        runId: 'run-1',
        index: 25,
        id: 'd25',
        classes: [{ category: 'A', confidence: 0.5 }],
        warnings: [],
      },
    ]);
    await again?.close();
  });

  it('drops a last line cut short by a crash, and refuses a damaged line before the last', async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const journal = await JournalStorage.create(dir, rows(), 'fp');
    await journal.updateJob('run-1', 0, { state: 'sending' });
    await journal.close();
    await appendFile(join(dir, JOURNAL_FILE), '{"t":"job","index":0,"se');
    const again = await JournalStorage.resume(dir);
    expect((await again?.jobs())?.[0]?.state).toBe('sending');
    await again?.updateJob('run-1', 0, { state: 'unsure' });
    await again?.close();
    const third = await JournalStorage.resume(dir);
    expect((await third?.jobs())?.[0]?.state).toBe('unsure');
    await third?.close();
    await appendFile(join(dir, JOURNAL_FILE), '{"t":"job"}\n{"t":"intent","intent":"run"}\n');
    await expect(JournalStorage.resume(dir)).rejects.toThrow(/line 4 is not a journal entry/);
  });

  it('finds no journal in an empty folder, and never overwrites one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'));
    expect(await JournalStorage.resume(dir)).toBeUndefined();
    await (await JournalStorage.create(dir, rows(), 'fp')).close();
    await expect(JournalStorage.create(dir, rows(), 'fp')).rejects.toThrow(/EEXIST/);
  });
});
