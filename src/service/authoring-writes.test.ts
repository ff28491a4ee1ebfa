import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelTrainingRequest,
  deployRequest,
  exportRequest,
  importRequest,
  patchProjectRequest,
  readExportedProject,
  swapRequest,
  trainRequest,
} from './authoring-writes';
import { callService } from './http';
import type { ProjectFile } from './project-file';

const endpoint = 'https://myresource.cognitiveservices.azure.com';
const credentials = { endpoint, key: 'secret-key' };
const PROJECTS = `${endpoint}/language/authoring/analyze-text/projects`;
const target = { endpoint, authoringVersion: '2023-04-01', projectName: 'Support tickets' };
const P = `${PROJECTS}/Support%20tickets`;

const project: ProjectFile = {
  projectFileVersion: '2022-05-01',
  stringIndexType: 'Utf16CodeUnit',
  metadata: {
    projectKind: 'CustomSingleLabelClassification',
    storageInputContainerName: 'tickets',
    projectName: 'Support tickets',
    language: 'en-us',
    aPreviewField: { kept: true },
  },
};

describe('the authoring write requests (authoring-contract.md A.1–A.6)', () => {
  it.each([
    [
      'export',
      exportRequest(target),
      'POST',
      `${P}/:export?api-version=2023-04-01&stringIndexType=Utf16CodeUnit`,
      undefined,
    ],
    [
      'import',
      importRequest(target, project),
      'POST',
      `${P}/:import?api-version=2023-04-01`,
      project,
    ],
    [
      'train',
      trainRequest(target, {
        modelLabel: 'm2',
        trainingConfigVersion: '2022-05-01',
        evaluation: { kind: 'percentage', trainingPercent: 80 },
      }),
      'POST',
      `${P}/:train?api-version=2023-04-01`,
      {
        modelLabel: 'm2',
        trainingConfigVersion: '2022-05-01',
        evaluationOptions: {
          kind: 'percentage',
          trainingSplitPercentage: 80,
          testingSplitPercentage: 20,
        },
      },
    ],
    [
      'train (manual split)',
      trainRequest(target, {
        modelLabel: 'm2',
        trainingConfigVersion: 'latest',
        evaluation: { kind: 'manual' },
      }),
      'POST',
      `${P}/:train?api-version=2023-04-01`,
      { modelLabel: 'm2', trainingConfigVersion: 'latest', evaluationOptions: { kind: 'manual' } },
    ],
    [
      'deploy',
      deployRequest(target, 'staging', 'm2'),
      'PUT',
      `${P}/deployments/staging?api-version=2023-04-01`,
      { trainedModelLabel: 'm2' },
    ],
    [
      'swap',
      swapRequest(target, 'production', 'staging'),
      'POST',
      `${P}/deployments/:swap?api-version=2023-04-01`,
      { firstDeploymentName: 'production', secondDeploymentName: 'staging' },
    ],
  ])('%s', (_, request, method, url, body) => {
    expect(request).toEqual({ method, url, ...(body === undefined ? {} : { body }) });
  });

  it('cancels a training job at its own URL, keeping its api-version', () => {
    expect(cancelTrainingRequest(`${P}/train/jobs/j1?api-version=2023-04-01`)).toEqual({
      method: 'POST',
      url: `${P}/train/jobs/j1/:cancel?api-version=2023-04-01`,
    });
  });
});

describe('sending them', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('PATCHes a project as merge-patch JSON with the key', async () => {
    let seen: { type: string | null; key: string | null; body: unknown } | undefined;
    server.use(
      http.patch(P, async ({ request }) => {
        seen = {
          type: request.headers.get('content-type'),
          key: request.headers.get('ocp-apim-subscription-key'),
          body: await request.json(),
        };
        return HttpResponse.json({}, { status: 200 });
      }),
    );
    await callService(patchProjectRequest(target, project.metadata), credentials);
    expect(seen).toEqual({
      type: 'application/merge-patch+json',
      key: 'secret-key',
      body: project.metadata,
    });
  });

  it('reads the exported project file, keeping fields the app does not know', async () => {
    const file = {
      ...project,
      assets: { projectKind: 'CustomSingleLabelClassification', documents: [], extra: 1 },
    };
    server.use(http.get(`${P}/export/jobs/j1/result`, () => HttpResponse.json(file)));
    await expect(
      readExportedProject(`${P}/export/jobs/j1/result?api-version=2023-04-01`, credentials),
    ).resolves.toEqual(file);
  });

  it('refuses an export result that is not a project file', async () => {
    server.use(http.get(`${P}/export/jobs/j1/result`, () => HttpResponse.json({ value: [] })));
    await expect(
      readExportedProject(`${P}/export/jobs/j1/result?api-version=2023-04-01`, credentials),
    ).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});
