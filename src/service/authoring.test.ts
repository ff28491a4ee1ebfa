import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTHORING_READS_VERSION,
  evaluationSummary,
  expiryStatus,
  listDeployments,
  listModels,
  listProjects,
  MAX_AUTHORING_PAGES,
  nameCheck,
} from './authoring';
import { hintFor, ServiceError } from './errors';
import deployments from './fixtures/authoring-deployments.json';
import evaluationMulti from './fixtures/authoring-evaluation-multi.json';
import evaluationSingle from './fixtures/authoring-evaluation-single.json';
import models from './fixtures/authoring-models.json';
import projectsPage1 from './fixtures/authoring-projects-page1.json';
import projectsPage2 from './fixtures/authoring-projects-page2.json';

const endpoint = 'https://myresource.cognitiveservices.azure.com';
const credentials = { endpoint, key: 'secret-key' };
const PROJECTS = `${endpoint}/language/authoring/analyze-text/projects`;

interface Seen {
  url: string;
  key: string | null;
  authorization: string | null;
}
const seen: Seen[] = [];
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    seen.push({
      url: request.url,
      key: request.headers.get('ocp-apim-subscription-key'),
      authorization: request.headers.get('authorization'),
    });
  });
});
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const projectPages = () =>
  http.get(PROJECTS, ({ request }) =>
    HttpResponse.json(
      new URL(request.url).searchParams.has('skip') ? projectsPage2 : projectsPage1,
    ),
  );

describe('listProjects', () => {
  it('reads every page and keeps only classification projects', async () => {
    server.use(projectPages());
    const projects = await listProjects(credentials);
    expect(projects).toEqual([
      {
        projectName: 'SupportTickets',
        projectKind: 'CustomSingleLabelClassification',
        labelMode: 'single',
        language: 'en-us',
        multilingual: false,
        description: 'Routes support tickets.',
        lastTrainedAt: '2026-03-10T08:41:57Z',
        lastDeployedAt: '2026-03-11T09:12:03Z',
        createdAt: '2025-09-20T14:02:11Z',
        lastModifiedAt: '2026-03-10T08:41:57Z',
      },
      {
        projectName: 'MovieGenres',
        projectKind: 'CustomMultiLabelClassification',
        labelMode: 'multi',
        language: 'en',
        multilingual: true,
        description: '',
        createdAt: '2026-02-14T11:30:00Z',
        lastModifiedAt: '2026-02-14T11:30:00Z',
      },
    ]);
    expect(seen.map(({ url }) => url)).toEqual([
      `${PROJECTS}?api-version=2023-04-01`,
      projectsPage1.nextLink,
    ]);
    expect(seen.every(({ key }) => key === 'secret-key')).toBe(true);
  });

  it('uses the GA authoring version of the default profile', () => {
    expect(AUTHORING_READS_VERSION).toBe('2023-04-01');
  });

  it('sends an access token as a bearer token, and no key', async () => {
    server.use(projectPages());
    await listProjects({ ...credentials, key: 'eyJ.token.sig', scheme: 'bearer' });
    expect(seen[0]).toMatchObject({ key: null, authorization: 'Bearer eyJ.token.sig' });
  });

  it('never sends the key to a next page on another origin', async () => {
    server.use(
      http.get(PROJECTS, () =>
        HttpResponse.json({ ...projectsPage1, nextLink: 'https://attacker.example/projects' }),
      ),
    );
    await expect(listProjects(credentials)).rejects.toMatchObject({ kind: 'foreign-origin' });
    expect(seen).toHaveLength(1);
  });

  it('refuses a next link that loops back', async () => {
    server.use(
      http.get(PROJECTS, () =>
        HttpResponse.json({ value: [], nextLink: `${PROJECTS}?api-version=2023-04-01&skip=0` }),
      ),
    );
    const error = await listProjects(credentials).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect(String(error)).toMatch(/pointed back/);
    expect(seen).toHaveLength(2);
  });

  it(`stops after ${MAX_AUTHORING_PAGES} pages`, async () => {
    server.use(
      http.get(PROJECTS, ({ request }) => {
        const skip = Number(new URL(request.url).searchParams.get('skip') ?? 0);
        return HttpResponse.json({
          value: [],
          nextLink: `${PROJECTS}?api-version=2023-04-01&skip=${skip + 1}`,
        });
      }),
    );
    await expect(listProjects(credentials)).rejects.toThrow(/past 50 pages/);
    expect(seen).toHaveLength(MAX_AUTHORING_PAGES);
  });

  it('turns a body that is not a project list into an invalid-response error', async () => {
    server.use(http.get(PROJECTS, () => HttpResponse.json({ value: [{ projectName: 1 }] })));
    await expect(listProjects(credentials)).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('explains a refused access token', async () => {
    server.use(
      http.get(PROJECTS, () =>
        HttpResponse.json(
          {
            statusCode: 401,
            message:
              'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.',
          },
          { status: 401 },
        ),
      ),
    );
    const error = await listProjects({ ...credentials, scheme: 'bearer' }).catch(
      (caught: unknown) => caught,
    );
    if (!(error instanceof ServiceError)) throw new Error('expected a ServiceError');
    expect(error).toMatchObject({ status: 401, scheme: 'bearer' });
    expect(error.message).toMatch(/Access token is missing/);
    expect(hintFor(error)).toBe(
      'The access token was refused: it may have expired or be for another resource (it must be for https://cognitiveservices.azure.com).',
    );
  });
});

describe('listDeployments and listModels', () => {
  it('reads a project’s deployments, its name URL-encoded', async () => {
    server.use(http.get(`${PROJECTS}/:project/deployments`, () => HttpResponse.json(deployments)));
    const list = await listDeployments(credentials, 'My Project/1');
    expect(seen[0]?.url).toBe(`${PROJECTS}/My%20Project%2F1/deployments?api-version=2023-04-01`);
    expect(list).toEqual([
      {
        deploymentName: 'production',
        modelId: 'v2-2025-04-28T09:26:53Z',
        lastTrainedAt: '2025-04-28T09:26:53Z',
        lastDeployedAt: '2025-05-18T10:03:11Z',
        expiresOn: '2026-03-26',
        trainingConfigVersion: '2022-05-01',
      },
      expect.objectContaining({ deploymentName: 'staging', expiresOn: '2027-03-11' }),
    ]);
  });

  it('reads a project’s trained models', async () => {
    server.use(http.get(`${PROJECTS}/SupportTickets/models`, () => HttpResponse.json(models)));
    expect(await listModels(credentials, 'SupportTickets')).toEqual([
      {
        label: 'v2',
        modelId: 'v2-2025-04-28T09:26:53Z',
        lastTrainedAt: '2025-04-28T09:26:53Z',
        trainingSeconds: 488,
        expiresOn: '2026-03-26',
        trainingConfigVersion: '2022-05-01',
        hasSnapshot: true,
      },
    ]);
  });

  it('reports a missing project as the service does', async () => {
    server.use(
      http.get(`${PROJECTS}/:project/deployments`, () =>
        HttpResponse.json(
          { error: { code: 'ProjectNotFound', message: 'The specified project was not found.' } },
          { status: 404 },
        ),
      ),
    );
    await expect(listDeployments(credentials, 'supporttickets')).rejects.toMatchObject({
      status: 404,
      problem: { code: 'ProjectNotFound' },
    });
  });
});

describe('evaluationSummary', () => {
  const summaryUrl = `${PROJECTS}/:project/models/:label/evaluation/summary-result`;

  it('reads a single-label evaluation with its confusion matrix', async () => {
    server.use(http.get(summaryUrl, () => HttpResponse.json(evaluationSingle)));
    const summary = await evaluationSummary(credentials, 'SupportTickets', 'v2');
    expect(seen[0]?.url).toBe(
      `${PROJECTS}/SupportTickets/models/v2/evaluation/summary-result?api-version=2023-04-01`,
    );
    expect(summary).toEqual({
      labelMode: 'single',
      classes: {
        Billing: { precision: 0.8947, recall: 0.85, f1: 0.8718, tp: 17, tn: 18, fp: 2, fn: 3 },
        Account: { precision: 0.8571, recall: 0.9, f1: 0.878, tp: 18, tn: 17, fp: 3, fn: 2 },
      },
      micro: { precision: 0.875, recall: 0.875, f1: 0.875 },
      macro: { precision: 0.8759, recall: 0.875, f1: 0.8749 },
      confusionMatrix: {
        Billing: { Billing: 17, Account: 3 },
        Account: { Billing: 2, Account: 18 },
      },
      split: { kind: 'percentage', trainingPercent: 80, testingPercent: 20 },
    });
  });

  it('reads a multi-label evaluation, which has no confusion matrix', async () => {
    server.use(http.get(summaryUrl, () => HttpResponse.json(evaluationMulti)));
    const summary = await evaluationSummary(credentials, 'MovieGenres', 'genres v1');
    expect(seen[0]?.url).toContain('/models/genres%20v1/evaluation/summary-result');
    expect(summary.labelMode).toBe('multi');
    expect(summary.confusionMatrix).toBeUndefined();
    expect(summary.classes.Comedy).toEqual({
      precision: 0.8571,
      recall: 0.8571,
      f1: 0.8571,
      tp: 30,
      tn: 80,
      fp: 5,
      fn: 5,
    });
  });

  it('refuses the evaluation of a project that does not classify', async () => {
    server.use(
      http.get(summaryUrl, () =>
        HttpResponse.json({
          projectKind: 'CustomEntityRecognition',
          customEntityRecognitionEvaluation: {},
        }),
      ),
    );
    await expect(evaluationSummary(credentials, 'InvoiceFields', 'v1')).rejects.toThrow(
      /CustomEntityRecognition project/,
    );
  });
});

describe('nameCheck', () => {
  const known = ['SupportTickets', 'MovieGenres'];
  it('knows an exact name', () => expect(nameCheck('SupportTickets', known)).toBe('known'));
  it('hints at the case when only the case differs', () =>
    expect(nameCheck('supporttickets', known)).toEqual({ caseOf: 'SupportTickets' }));
  it('says when the resource has no such name', () => {
    expect(nameCheck('Support', known)).toBe('unknown');
    expect(nameCheck('x', [])).toBe('unknown');
  });
});

describe('expiryStatus', () => {
  const now = Date.parse('2026-03-14T09:26:53Z');
  it('is ok more than 30 days ahead', () => {
    expect(expiryStatus('2026-04-14', now)).toBe('ok');
    expect(expiryStatus('2027-09-25', new Date(now))).toBe('ok');
  });
  it('is soon within 30 days', () => {
    expect(expiryStatus('2026-03-26', now)).toBe('soon');
    expect(expiryStatus('2026-04-12', now)).toBe('soon');
  });
  it('lasts through the day it names (UTC), then has expired', () => {
    expect(expiryStatus('2026-03-14', now)).toBe('soon');
    expect(expiryStatus('2026-03-13', now)).toBe('expired');
    expect(expiryStatus(new Date(now - 1), now)).toBe('expired');
  });
});
