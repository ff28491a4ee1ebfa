import { ContainerClient, RestError } from '@azure/storage-blob';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBlobHandlers } from './blob-handlers';
import { DEMO_LABELLED_TICKETS } from './demo-labelled-tickets';
import { DEMO_ENDPOINT, DEMO_KEY } from './demo-settings';
import { demoContainerSasUrl } from './demo-storage';
import { DEMO_TRAINING_TICKETS } from './demo-training-tickets';
import { createServiceHandlers } from './handlers';

/** The simulated authoring writes, end to end over MSW: storage, import/export, train, deploy, swap. */

const START = Date.parse('2026-03-14T09:26:53Z');
const clock = { now: START };
const timing = {
  queuedMs: 100,
  runMs: 200,
  cancelMs: 50,
  deletionMs: 100,
  authoringMs: 300,
  trainMs: 1000,
};
const handlers = createServiceHandlers({ origin: DEMO_ENDPOINT, timing, now: () => clock.now });
const server = setupServer(...handlers, ...createBlobHandlers(handlers.state.blobs));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clock.now = START;
});
afterEach(() => handlers.state.reset());
afterAll(() => server.close());

const PROJECTS = `${DEMO_ENDPOINT}/language/authoring/analyze-text/projects`;
const V = 'api-version=2023-04-01';
const SUPPORT = `${PROJECTS}/SupportTickets`;

function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method,
    headers: {
      'Ocp-Apim-Subscription-Key': DEMO_KEY,
      'Content-Type': 'application/json',
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Sends a write, expects 202, returns its operation-location. */
async function start(method: string, url: string, body?: unknown): Promise<string> {
  const response = await call(method, url, body);
  expect(response.status, await response.clone().text()).toBe(202);
  const location = response.headers.get('operation-location');
  if (!location) throw new Error('no operation-location');
  return location;
}

const jobSchema = z.object({
  jobId: z.string(),
  status: z.string(),
  createdDateTime: z.string(),
  lastUpdatedDateTime: z.string(),
  expirationDateTime: z.string(),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
  resultUrl: z.string().optional(),
  result: z
    .object({
      modelLabel: z.string(),
      trainingStatus: z.object({ percentComplete: z.number(), status: z.string() }),
      estimatedEndDateTime: z.string().optional(),
    })
    .optional(),
});

async function job(url: string) {
  const response = await call('GET', url);
  expect(response.status).toBe(200);
  return jobSchema.parse(await response.json());
}

/** Lets the clock run until the job ends; its final body. */
async function finish(url: string) {
  clock.now += 5_000;
  // An import settles once its blobs are read (a resolved promise away).
  await new Promise((resolve) => setTimeout(resolve, 0));
  return job(url);
}

const fileSchema = z.object({
  projectFileVersion: z.string(),
  stringIndexType: z.literal('Utf16CodeUnit'),
  metadata: z.object({ projectName: z.string(), storageInputContainerName: z.string() }).loose(),
  assets: z.object({
    projectKind: z.string(),
    classes: z.array(z.object({ category: z.string() })),
    documents: z.array(
      z.object({
        location: z.string(),
        language: z.string(),
        dataset: z.string().optional(),
        class: z.object({ category: z.string() }).optional(),
      }),
    ),
  }),
});
type ProjectFile = z.infer<typeof fileSchema>;

async function exportProject(project = SUPPORT): Promise<ProjectFile> {
  const location = await start('POST', `${project}/:export?${V}&stringIndexType=Utf16CodeUnit`);
  expect(location).toMatch(/\/export\/jobs\/[0-9a-f-]+_\d+\?api-version=2023-04-01$/);
  const done = await finish(location);
  expect(done.status).toBe('succeeded');
  const result = await call('GET', done.resultUrl ?? '');
  return fileSchema.parse(await result.json());
}

async function importProject(file: unknown, project = SUPPORT) {
  return finish(await start('POST', `${project}/:import?${V}`, file));
}

/** A response's JSON, to be matched or parsed. */
const json = async (response: Promise<Response>): Promise<unknown> => (await response).json();

const container = () => new ContainerClient(demoContainerSasUrl('support-tickets'));

/** Classifies `text` with a deployment of SupportTickets; the predicted class. */
async function predict(deploymentName: string, text: string): Promise<string | undefined> {
  const location = await start('POST', `${DEMO_ENDPOINT}/language/analyze-text/jobs?${V}`, {
    analysisInput: { documents: [{ id: '1', text, language: 'en' }] },
    tasks: [
      {
        kind: 'CustomSingleLabelClassification',
        parameters: { projectName: 'SupportTickets', deploymentName },
      },
    ],
  });
  clock.now += 1_000;
  const body = z
    .object({
      tasks: z.object({
        items: z.array(
          z.object({
            results: z
              .object({
                documents: z.array(
                  z.object({ class: z.array(z.object({ category: z.string() })) }),
                ),
              })
              .optional(),
          }),
        ),
      }),
    })
    .parse(await json(call('GET', location)));
  return body.tasks.items[0]?.results?.documents[0]?.class[0]?.category;
}

/** Every model's label, page after page. */
async function modelLabels(): Promise<string[]> {
  const labels: string[] = [];
  let next: string | undefined = `${SUPPORT}/models?${V}`;
  while (next) {
    const page = z
      .object({ value: z.array(z.object({ label: z.string() })), nextLink: z.string().optional() })
      .parse(await json(call('GET', next)));
    labels.push(...page.value.map((model) => model.label));
    next = page.nextLink;
  }
  return labels;
}

describe('the simulated storage account, through @azure/storage-blob', () => {
  it('uploads, lists by prefix, checks and downloads blobs with a container SAS', async () => {
    const client = container();
    await client.getBlockBlobClient('cc-run1-a.txt').upload('First ticket', 12);
    await client
      .getBlockBlobClient('cc-run1-b.txt')
      .uploadData(new TextEncoder().encode('Ünïcode'));
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat({ prefix: 'cc-run1-' })) {
      names.push(blob.name);
      expect(blob.properties.contentLength).toBeGreaterThan(0);
    }
    expect(names).toEqual(['cc-run1-a.txt', 'cc-run1-b.txt']);
    expect(await client.getBlobClient('cc-run1-a.txt').exists()).toBe(true);
    expect(await client.getBlobClient('cc-run1-zzz.txt').exists()).toBe(false);
    const download = await client.getBlobClient('cc-run1-b.txt').downloadToBuffer();
    expect(download.toString('utf8')).toBe('Ünïcode');
    // The seeded training documents are there too.
    let seeded = 0;
    for await (const blob of client.listBlobsFlat()) if (!blob.name.startsWith('cc-')) seeded++;
    expect(seeded).toBe(DEMO_TRAINING_TICKETS.length);
  });

  it('refuses a write without the write permission (403) and never overwrites with If-None-Match', async () => {
    const readOnly = new ContainerClient(demoContainerSasUrl('support-tickets', 'rl'));
    const refused = await readOnly
      .getBlockBlobClient('x.txt')
      .upload('x', 1)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RestError);
    expect(refused).toMatchObject({ statusCode: 403, code: 'AuthorizationPermissionMismatch' });
    const existing = DEMO_TRAINING_TICKETS[0]?.location ?? '';
    const conflict = await container()
      .getBlockBlobClient(existing)
      .upload('y', 1, { conditions: { ifNoneMatch: '*' } })
      .catch((error: unknown) => error);
    expect(conflict).toMatchObject({ statusCode: 409, code: 'BlobAlreadyExists' });
    expect(await container().exists()).toBe(true);
    expect(await new ContainerClient(demoContainerSasUrl('nope')).exists()).toBe(false);
  });
});

describe('export and import', () => {
  it('exports the project file with the real locations, and imports it back unchanged', async () => {
    const file = await exportProject();
    expect(file.metadata).toMatchObject({
      projectName: 'SupportTickets',
      storageInputContainerName: 'support-tickets',
      projectKind: 'CustomSingleLabelClassification',
    });
    expect(file.assets.documents).toHaveLength(DEMO_TRAINING_TICKETS.length);
    expect(file.assets.documents[0]).toEqual({
      location: 'billing-01.txt',
      language: 'en-us',
      dataset: 'Train',
      class: { category: 'Billing' },
    });
    expect((await importProject(file)).status).toBe('succeeded');
    expect(await exportProject()).toEqual(file);
  });

  it('replaces the project: what the file leaves out is gone, nothing is merged', async () => {
    const file = await exportProject();
    const kept = {
      ...file,
      assets: { ...file.assets, documents: file.assets.documents.slice(0, 12) },
    };
    expect((await importProject(kept)).status).toBe('succeeded');
    expect((await exportProject()).assets.documents).toEqual(kept.assets.documents);
    // Models and deployments are not project data: production still serves.
    expect(await modelLabels()).toEqual(['v1', 'v2', 'v3']);
  });

  it('fails the job with the service code when a blob or the container is missing', async () => {
    const file = await exportProject();
    const missing = {
      ...file,
      assets: {
        ...file.assets,
        documents: [
          ...file.assets.documents,
          { location: 'gone.txt', language: 'en-us', class: { category: 'Billing' } },
        ],
      },
    };
    const failed = await importProject(missing);
    expect(failed.status).toBe('failed');
    expect(failed.errors).toEqual([
      expect.objectContaining({
        code: 'InvalidRequest',
        message:
          "The document 'gone.txt' was not found in the storage container 'support-tickets'.",
      }),
    ]);
    const noContainer = await importProject({
      ...file,
      metadata: { ...file.metadata, storageInputContainerName: 'no-such-container' },
    });
    expect(noContainer.status).toBe('failed');
    expect(noContainer.errors[0]?.message).toContain("'no-such-container' does not exist");
    // Neither touched the project.
    expect((await exportProject()).assets.documents).toHaveLength(DEMO_TRAINING_TICKETS.length);
  });

  it('answers 400 at once for a file of another kind, too many classes or an unknown class', async () => {
    const file = await exportProject();
    const wrongKind = {
      ...file,
      metadata: { ...file.metadata, projectKind: 'CustomMultiLabelClassification' },
      assets: { ...file.assets, projectKind: 'CustomMultiLabelClassification', documents: [] },
    };
    const tooMany = {
      ...file,
      assets: {
        ...file.assets,
        classes: Array.from({ length: 201 }, (_, index) => ({ category: `c${index}` })),
        documents: [],
      },
    };
    const unknownClass = {
      ...file,
      assets: {
        ...file.assets,
        documents: [{ location: 'billing-01.txt', language: 'en', class: { category: 'Refunds' } }],
      },
    };
    for (const [body, text] of [
      [wrongKind, 'is a CustomSingleLabelClassification project'],
      [tooMany, 'at most 200 classes'],
      [unknownClass, "labelled 'Refunds', which is not one of the project's classes"],
    ] as const) {
      const response = await call('POST', `${SUPPORT}/:import?${V}`, body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(text);
    }
  });

  it('answers 409 while another job runs on the project', async () => {
    const file = await exportProject();
    await start('POST', `${SUPPORT}/:import?${V}`, file);
    const second = await call('POST', `${SUPPORT}/:import?${V}`, file);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'Conflict' } });
    const train = await call('POST', `${SUPPORT}/:train?${V}`, {
      modelLabel: 'v4',
      trainingConfigVersion: 'latest',
    });
    expect(train.status).toBe(409);
  });
});

describe('train, deploy, swap', () => {
  const ticket = DEMO_LABELLED_TICKETS[0];
  if (!ticket) throw new Error('no labelled ticket');

  it('learns a relabelled document: after train and deploy to staging it predicts the new label; swap moves it to production', async () => {
    expect(ticket.label).toBe('Billing');
    expect(await predict('production', ticket.text)).toBe('Billing');
    await container()
      .getBlockBlobClient('cc-run1-ticket01.txt')
      .upload(ticket.text, ticket.text.length);
    const file = await exportProject();
    file.assets.documents.push({
      location: 'cc-run1-ticket01.txt',
      language: 'en-us',
      dataset: 'Train',
      class: { category: 'Account' },
    });
    expect((await importProject(file)).status).toBe('succeeded');

    const trainStart = clock.now;
    const training = await start('POST', `${SUPPORT}/:train?${V}`, {
      modelLabel: 'v4',
      trainingConfigVersion: 'latest',
      evaluationOptions: {
        kind: 'percentage',
        trainingSplitPercentage: 80,
        testingSplitPercentage: 20,
      },
    });
    expect(training).toMatch(/\/train\/jobs\/.+\?api-version=2023-04-01$/);
    clock.now += 100 + 400;
    const running = await job(training);
    expect(running.status).toBe('running');
    expect(running.result?.trainingStatus.percentComplete).toBe(50);
    expect(running.result?.estimatedEndDateTime).toBe(new Date(trainStart + 1100).toISOString());
    const trained = await finish(training);
    expect(trained.status).toBe('succeeded');
    expect(await modelLabels()).toEqual(['v1', 'v2', 'v3', 'v4']);
    const summary = await json(call('GET', `${SUPPORT}/models/v4/evaluation/summary-result?${V}`));
    expect(summary).toMatchObject({
      projectKind: 'CustomSingleLabelClassification',
      evaluationOptions: { kind: 'percentage', testingSplitPercentage: 20 },
    });
    const figures = z
      .object({ customSingleLabelClassificationEvaluation: z.object({ microF1: z.number() }) })
      .parse(summary);
    expect(figures.customSingleLabelClassificationEvaluation.microF1).toBeGreaterThan(0);

    const deployed = await finish(
      await start('PUT', `${SUPPORT}/deployments/staging?${V}`, { trainedModelLabel: 'v4' }),
    );
    expect(deployed.status).toBe('succeeded');
    expect(await predict('staging', `  ${ticket.text.toUpperCase()} `)).toBe('Account');
    expect(await predict('production', ticket.text)).toBe('Billing');

    const swap = await start('POST', `${SUPPORT}/deployments/:swap?${V}`, {
      firstDeploymentName: 'production',
      secondDeploymentName: 'staging',
    });
    expect(swap).toMatch(/\/deployments\/swap\/jobs\//);
    expect((await finish(swap)).status).toBe('succeeded');
    expect(await predict('production', ticket.text)).toBe('Account');
    const production = await json(call('GET', `${SUPPORT}/deployments/production?${V}`));
    expect(z.object({ modelId: z.string() }).parse(production).modelId).toMatch(/^v4-/);
  });

  it('a failed training leaves the project and its models as they were', async () => {
    const file = await exportProject();
    file.assets.classes.push({ category: 'Refunds' });
    expect((await importProject(file)).status).toBe('succeeded');
    const failed = await finish(
      await start('POST', `${SUPPORT}/:train?${V}`, {
        modelLabel: 'v2',
        trainingConfigVersion: 'latest',
      }),
    );
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]?.message).toContain('Without one: Refunds');
    expect(await modelLabels()).toEqual(['v1', 'v2', 'v3']);
    const v2 = await json(call('GET', `${SUPPORT}/models/v2?${V}`));
    expect(v2).toMatchObject({ modelTrainingConfigVersion: '2022-05-01' });
  });

  it('cancels a training job: cancelling, then cancelled, and no model', async () => {
    const training = await start('POST', `${SUPPORT}/:train?${V}`, {
      modelLabel: 'v9',
      trainingConfigVersion: '2023-04-15',
    });
    clock.now += 300;
    const cancel = await call('POST', training.replace('?', '/:cancel?'));
    expect(cancel.status).toBe(202);
    expect(cancel.headers.get('operation-location')).toBe(training);
    expect((await job(training)).status).toBe('cancelling');
    expect((await finish(training)).status).toBe('cancelled');
    expect(await modelLabels()).not.toContain('v9');
  });

  it('deletes a deployment through a job', async () => {
    const location = await start('DELETE', `${SUPPORT}/deployments/staging?${V}`);
    expect(location).toMatch(/\/deployments\/staging\/jobs\//);
    // The job is the staging deployment's, not another's.
    expect((await call('GET', location.replace('/staging/', '/production/'))).status).toBe(404);
    expect((await finish(location)).status).toBe('succeeded');
    expect((await call('GET', `${SUPPORT}/deployments/staging?${V}`)).status).toBe(404);
    expect(await predict('staging', ticket.text)).toBeUndefined();
  });

  it('deletes a trained model at once (204); the deployment serving it keeps its copy', async () => {
    expect((await call('DELETE', `${SUPPORT}/models/v2?${V}`)).status).toBe(204);
    expect(await modelLabels()).toEqual(['v1', 'v3']);
    expect((await call('DELETE', `${SUPPORT}/models/v2?${V}`)).status).toBe(404);
    expect(await predict('production', ticket.text)).toBe('Billing');
  });
});

describe('project metadata and limits', () => {
  it('creates a project with PATCH (201), updates it (200) and lists training config versions', async () => {
    const created = await call(
      'PATCH',
      `${PROJECTS}/Returns?api-version=2024-11-15-preview`,
      {
        projectName: 'Returns',
        projectKind: 'CustomSingleLabelClassification',
        storageInputContainerName: 'returns',
        language: 'en-us',
        settings: { confidenceThreshold: 0.4 },
      },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(created.status).toBe(201);
    const updated = await call('PATCH', `${PROJECTS}/Returns?api-version=2024-11-15-preview`, {
      description: 'Return requests',
      settings: { confidenceThreshold: null },
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      projectName: 'Returns',
      description: 'Return requests',
      storageInputContainerName: 'returns',
      settings: {},
    });
    const versions = await call('GET', `${PROJECTS}/global/training-config-versions?${V}&top=2`);
    expect(await versions.json()).toMatchObject({
      value: [{ trainingConfigVersion: '2022-05-01' }, { trainingConfigVersion: '2023-04-15' }],
    });
  });

  it('answers the 11th authoring POST of a minute with 429 and Retry-After, and takes POSTs again a minute later', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 10; index++) {
      clock.now += 1_000;
      statuses.push(
        (await call('POST', `${SUPPORT}/:export?${V}&stringIndexType=Utf16CodeUnit`)).status,
      );
    }
    expect(statuses.every((status) => status === 202 || status === 409)).toBe(true);
    const throttled = await call('POST', `${SUPPORT}/:export?${V}&stringIndexType=Utf16CodeUnit`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('51');
    expect(await throttled.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
    // GETs and PUTs are not POSTs.
    expect((await call('GET', `${SUPPORT}/models?${V}`)).status).toBe(200);
    clock.now += 51_000;
    expect(
      (await call('POST', `${SUPPORT}/:export?${V}&stringIndexType=Utf16CodeUnit`)).status,
    ).toBe(202);
  });
});
