import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BlobContainerPort } from '../../service/blob-upload';
import type { ProjectFile } from '../../service/project-file';
import type { StepName } from './failure-words';
import { ImproveFlow, type SavedImprovement, type StepRecord } from './improve-flow';
import { mergeProject } from './merge-project';
import { trainingSet } from './training-set';

const endpoint = 'https://myresource.cognitiveservices.azure.com';
const P = `${endpoint}/language/authoring/analyze-text/projects/Support`;
const V = '?api-version=2023-04-01';
const RUN = { id: '3f0c2a1e-8d4b-4c7a-9e1f-0a2b3c4d5e6f', labelMode: 'single' as const };

const project: ProjectFile = {
  projectFileVersion: '2022-05-01',
  stringIndexType: 'Utf16CodeUnit',
  metadata: {
    projectKind: 'CustomSingleLabelClassification',
    storageInputContainerName: 'tickets',
    projectName: 'Support',
    language: 'en-us',
  },
  assets: {
    projectKind: 'CustomSingleLabelClassification',
    classes: [{ category: 'Billing' }],
    documents: [
      { location: 'old.txt', language: 'en-us', dataset: 'Train', class: { category: 'Billing' } },
    ],
  },
};

const job = (jobId: string, status: string, extra: object = {}) => ({
  jobId,
  createdDateTime: '2026-12-06T10:00:00Z',
  lastUpdatedDateTime: '2026-12-06T10:00:01Z',
  status,
  ...extra,
});

/** MSW reads `:name` as a path parameter; the authoring actions (`:export`, `:import`) are literal. */
const literal = (url: string) =>
  new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`);

const posts: { url: string; body: unknown }[] = [];
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  posts.length = 0;
});
afterAll(() => server.close());

function accept(path: string, jobPath: string) {
  return http.post(literal(`${P}/${path}`), async ({ request }) => {
    const text = await request.text();
    posts.push({ url: request.url, body: text ? JSON.parse(text) : undefined });
    return new HttpResponse(null, {
      status: 202,
      headers: { 'operation-location': `${P}/${jobPath}${V}` },
    });
  });
}

function memoryStore(initial?: SavedImprovement) {
  const saved: SavedImprovement = initial ?? { steps: {} };
  return {
    saved,
    store: {
      load: () => Promise.resolve(saved),
      saveStep: (step: StepName, record: StepRecord) => {
        saved.steps[step] = record;
        return Promise.resolve();
      },
      savePreviousProject: (previous: NonNullable<SavedImprovement['previousProject']>) => {
        saved.previousProject = previous;
        return Promise.resolve();
      },
    },
  };
}

function memoryContainer(): BlobContainerPort & { names: string[] } {
  const names: string[] = [];
  return {
    names,
    putIfAbsent: (name) => {
      names.push(name);
      return Promise.resolve('created');
    },
    metadataOf: () => Promise.resolve({}),
  };
}

const makeFlow = (store: ReturnType<typeof memoryStore>['store']) =>
  new ImproveFlow({
    credentials: { endpoint, key: 'k' },
    target: { endpoint, authoringVersion: '2023-04-01', projectName: 'Support' },
    store,
    origin: 'https://console.example',
    follow: { sleep: () => Promise.resolve(), now: () => 0 },
    now: () => 1000,
  });

describe('ImproveFlow', () => {
  it('reads the project, uploads, imports the merge, keeping the previous project file', async () => {
    server.use(
      accept(':export', 'export/jobs/e1'),
      http.get(`${P}/export/jobs/e1`, () =>
        HttpResponse.json(job('e1', 'succeeded', { resultUrl: `${P}/export/jobs/e1/result${V}` })),
      ),
      http.get(`${P}/export/jobs/e1/result`, () => HttpResponse.json(project)),
      accept(':import', 'import/jobs/i1'),
      http.get(`${P}/import/jobs/i1`, () => HttpResponse.json(job('i1', 'succeeded'))),
    );
    const { store, saved } = memoryStore();
    const flow = makeFlow(store);
    const exported = await flow.readProject();
    expect(exported).toEqual(project);
    const set = trainingSet(
      RUN,
      [{ index: 0, id: 't1', text: 'Card charged', labels: ['Login'] }],
      [],
      {
        includeGold: true,
        addAs: 'Train',
      },
    );
    const merge = mergeProject(project, set.documents);
    const container = memoryContainer();
    await expect(
      flow.addToTrainingData(project, set.documents, merge.project, () =>
        Promise.resolve(container),
      ),
    ).resolves.toBe(true);
    expect(container.names).toEqual([set.documents[0]?.location]);
    expect(posts.map((post) => post.url)).toEqual([
      `${P}/:export${V}&stringIndexType=Utf16CodeUnit`,
      `${P}/:import${V}`,
    ]);
    expect(posts[1]?.body).toEqual(merge.project);
    expect(saved.previousProject?.file).toEqual(project);
    expect(saved.steps.import).toEqual({
      state: 'succeeded',
      jobUrl: `${P}/import/jobs/i1${V}`,
      acceptedAt: 1000,
    });
    expect(saved.steps.upload).toEqual({
      state: 'succeeded',
      uploaded: [set.documents[0]?.location],
    });
    expect(flow.getState().steps.import.phase).toBe('succeeded');
  });

  it('after a reload, follows the saved training job again and sends nothing', async () => {
    let polls = 0;
    server.use(
      http.get(`${P}/train/jobs/t1`, () => {
        polls += 1;
        return HttpResponse.json(
          job('t1', polls < 2 ? 'running' : 'succeeded', {
            result: {
              modelLabel: 'm2',
              trainingConfigVersion: '2022-05-01',
              trainingStatus: { percentComplete: polls < 2 ? 50 : 100, status: 'running' },
            },
          }),
        );
      }),
    );
    const { store, saved } = memoryStore({
      steps: {
        train: {
          state: 'accepted',
          jobUrl: `${P}/train/jobs/t1${V}`,
          acceptedAt: 0,
          modelLabel: 'm2',
        },
      },
    });
    const flow = makeFlow(store);
    await flow.resume();
    await expect.poll(() => flow.getState().steps.train.phase).toBe('succeeded');
    expect(posts).toEqual([]);
    expect(flow.getState().steps.train.job?.training?.trainingPercent).toBe(100);
    expect(saved.steps.train?.state).toBe('succeeded');
  });

  it('a request found `sending` after a reload is flagged, not sent again', async () => {
    const { store } = memoryStore({
      steps: { deploy: { state: 'sending', deploymentName: 'staging' } },
    });
    const flow = makeFlow(store);
    await flow.resume();
    expect(flow.getState().steps.deploy.phase).toBe('unsure');
    expect(posts).toEqual([]);
  });

  it('skips blobs uploaded before the reload', async () => {
    server.use(
      accept(':import', 'import/jobs/i2'),
      http.get(`${P}/import/jobs/i2`, () => HttpResponse.json(job('i2', 'succeeded'))),
    );
    const set = trainingSet(
      RUN,
      [
        { index: 0, id: 'a', text: 'A', labels: ['Billing'] },
        { index: 1, id: 'b', text: 'B', labels: ['Billing'] },
      ],
      [],
      { includeGold: true, addAs: 'Train' },
    );
    const first = set.documents[0]?.location ?? '';
    const { store } = memoryStore({ steps: { upload: { state: 'sending', uploaded: [first] } } });
    const flow = makeFlow(store);
    await flow.resume();
    const container = memoryContainer();
    await flow.addToTrainingData(
      project,
      set.documents,
      mergeProject(project, set.documents).project,
      () => Promise.resolve(container),
    );
    expect(container.names).toEqual([set.documents[1]?.location]);
  });

  it('a failed training says why and leaves nothing half done', async () => {
    server.use(
      accept(':train', 'train/jobs/t9'),
      http.get(`${P}/train/jobs/t9`, () =>
        HttpResponse.json(
          job('t9', 'failed', {
            errors: [{ code: 'InvalidRequest', message: 'Not enough documents.' }],
            result: {
              modelLabel: 'm3',
              trainingConfigVersion: 'x',
              trainingStatus: { percentComplete: 0, status: 'failed' },
            },
          }),
        ),
      ),
    );
    const { store, saved } = memoryStore();
    const flow = makeFlow(store);
    await flow.train({
      modelLabel: 'm3',
      trainingConfigVersion: 'latest',
      evaluation: { kind: 'manual' },
    });
    const step = flow.getState().steps.train;
    expect(step.phase).toBe('failed');
    expect(step.failure?.quote).toBe('InvalidRequest: Not enough documents.');
    expect(saved.steps.train?.error).toMatch(/Training did not finish/);
  });
});
