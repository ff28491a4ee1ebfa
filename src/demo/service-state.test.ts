import { describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from './demo-settings';
import {
  createServiceState,
  MAX_STORED_JOBS,
  STORAGE_KEY,
  type JobSubmission,
  type ServicePersistence,
} from './service-state';

function memoryStorage(): ServicePersistence & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const submission: JobSubmission = {
  api: 'ga',
  apiVersion: '2023-04-01',
  labelMode: 'single',
  taskName: 'classify',
  model: { projectName: 'SupportTickets', deploymentName: 'production' },
  documents: [{ id: 'doc1', text: 'Please refund my payment.' }],
};

describe('service state', () => {
  it('derives the status from the clock', () => {
    let now = 0;
    const state = createServiceState({ now: () => now });
    const job = state.submitJob(submission);
    const statusAt = (ms: number) => {
      now = ms;
      return state.jobProgress(job).status;
    };
    expect([statusAt(0), statusAt(399), statusAt(400), statusAt(1999), statusAt(2000)]).toEqual([
      'notStarted',
      'notStarted',
      'running',
      'running',
      'succeeded',
    ]);
  });

  it('lets a reloaded page find its job and deleted projects', () => {
    const storage = memoryStorage();
    const first = createServiceState({ persistence: storage });
    const job = first.submitJob(submission);
    first.deleteProject(DEMO_PROJECTS.multi.projectName, 'ga', '2023-04-01');

    const reloaded = createServiceState({ persistence: storage });
    expect(reloaded.findJob(job.jobId, 'ga')).toEqual(job);
    expect(reloaded.isProjectAvailable(DEMO_PROJECTS.multi.projectName)).toBe(false);
    reloaded.reset();
    expect(createServiceState({ persistence: storage }).findJob(job.jobId, 'ga')).toBeUndefined();
  });

  it(`keeps only the ${MAX_STORED_JOBS} newest jobs`, () => {
    const storage = memoryStorage();
    const state = createServiceState({ persistence: storage });
    const jobs = Array.from({ length: MAX_STORED_JOBS + 5 }, () => state.submitJob(submission));
    const reloaded = createServiceState({ persistence: storage });
    expect(reloaded.findJob(jobs[0]?.jobId ?? '', 'ga')).toBeUndefined();
    expect(reloaded.findJob(jobs.at(-1)?.jobId ?? '', 'ga')).toBeDefined();
    expect(JSON.stringify(storage.items.get(STORAGE_KEY))).not.toContain('refund my payment');
  });

  it('reads preview jobs stored as `seed` by earlier builds', () => {
    const storage = memoryStorage();
    const job = createServiceState({ persistence: storage }).submitJob({
      ...submission,
      api: 'preview',
      apiVersion: 'v3.1-preview.ct.1',
      model: { modelId: DEMO_PROJECTS.single.modelId },
    });
    storage.setItem(
      STORAGE_KEY,
      (storage.items.get(STORAGE_KEY) ?? '').replace('"preview"', '"seed"'),
    );
    expect(storage.items.get(STORAGE_KEY)).toContain('"api":"seed"');
    expect(createServiceState({ persistence: storage }).findJob(job.jobId, 'preview')).toEqual(job);
  });

  it('starts empty when the stored snapshot is unreadable', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{"version":1,"jobs":[{"jobId":3}]}');
    expect(() => createServiceState({ persistence: storage })).not.toThrow();
  });
});
