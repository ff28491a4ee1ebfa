import { describe, expect, it } from 'vitest';
import type { BlobSource } from './blob-store';
import { DEMO_TRAINING_TICKETS } from './demo-training-tickets';
import { projectFile, readProjectFile } from './project-file';
import { createServiceState, type ServicePersistence } from './service-state';

/** The authoring store across reloads of the demo page: jobs resume, nothing is applied twice. */

function memoryStorage(): ServicePersistence {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const timing = { queuedMs: 100, authoringMs: 300, trainMs: 1000 };

describe('the authoring store', () => {
  it('resumes a training job after a reload and adds its model once', () => {
    const clock = { now: Date.parse('2026-03-14T09:26:53Z') };
    const persistence = memoryStorage();
    const first = createServiceState({ timing, now: () => clock.now, persistence });
    const started = first.authoring.startTraining('SupportTickets', '2023-04-01', {
      modelLabel: 'v4',
      trainingConfigVersion: '2023-04-15',
      evaluationOptions: { kind: 'manual' },
    });
    if ('conflict' in started) throw new Error('conflict');
    clock.now += 500;

    const reloaded = createServiceState({ timing, now: () => clock.now, persistence });
    const job = reloaded.authoring.findJob('SupportTickets', 'train', started.jobId);
    if (!job) throw new Error('job lost in the reload');
    expect(reloaded.authoring.progress(job).status).toBe('running');
    clock.now += 1000;
    expect(reloaded.authoring.progress(job).status).toBe('succeeded');
    const labels = () =>
      reloaded.authoring.project('SupportTickets')?.models.map((model) => model.label);
    expect(labels()).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(labels()).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(
      createServiceState({ timing, now: () => clock.now, persistence })
        .authoring.project('SupportTickets')
        ?.models.map((model) => model.label),
    ).toEqual(['v1', 'v2', 'v3', 'v4']);
  });

  it('fails an import whose blobs were still being read when the page went away', () => {
    const clock = { now: Date.parse('2026-03-14T09:26:53Z') };
    const persistence = memoryStorage();
    const neverRead: BlobSource = { readTexts: () => new Promise(() => undefined) };
    const first = createServiceState({
      timing,
      now: () => clock.now,
      persistence,
      storage: neverRead,
    });
    const project = first.authoring.project('SupportTickets');
    if (!project) throw new Error('no project');
    const file = readProjectFile(
      projectFile({
        metadata: {
          projectKind: project.projectKind,
          storageInputContainerName: project.storageInputContainerName,
          projectName: project.projectName,
          language: project.language,
        },
        classes: project.classes,
        documents: project.documents,
      }),
      'SupportTickets',
    );
    if (!('content' in file)) throw new Error(file.problem);
    const started = first.authoring.startImport('SupportTickets', '2023-04-01', file.content);
    if ('conflict' in started) throw new Error('conflict');
    clock.now += 5_000;
    expect(first.authoring.progress(started).status).toBe('running');

    const reloaded = createServiceState({ timing, now: () => clock.now, persistence });
    const job = reloaded.authoring.findJob('SupportTickets', 'import', started.jobId);
    if (!job) throw new Error('job lost in the reload');
    expect(reloaded.authoring.progress(job).status).toBe('failed');
    expect(job.errors?.[0]?.message).toBe('The import was interrupted. Import again.');
    expect(reloaded.authoring.project('SupportTickets')?.documents).toHaveLength(
      DEMO_TRAINING_TICKETS.length,
    );
  });

  it('fails the next training when a test asks, once, and keeps the project’s models', () => {
    const clock = { now: Date.parse('2026-03-14T09:26:53Z') };
    const state = createServiceState({ timing, now: () => clock.now });
    const models = () =>
      state.authoring.project('SupportTickets')?.models.map((model) => model.label);
    const before = models();
    state.authoring.failNextTraining({ code: 'InternalServerError', message: 'GPU quota.' });
    const train = (modelLabel: string) => {
      const started = state.authoring.startTraining('SupportTickets', '2023-04-01', {
        modelLabel,
        trainingConfigVersion: '2023-04-15',
        evaluationOptions: { kind: 'manual' },
      });
      if ('conflict' in started) throw new Error('conflict');
      clock.now += 2_000;
      return started;
    };
    const failed = train('v4');
    expect(state.authoring.progress(failed).status).toBe('failed');
    expect(failed.errors?.[0]?.message).toBe('GPU quota.');
    expect(models()).toEqual(before);
    expect(state.authoring.progress(train('v5')).status).toBe('succeeded');
    expect(models()).toEqual([...(before ?? []), 'v5']);
  });
});
