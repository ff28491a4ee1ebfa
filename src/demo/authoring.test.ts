import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  evaluationSummary,
  expiryStatus,
  listDeployments,
  listModels,
  listProjects,
} from '../service/authoring';
import { hintFor, ServiceError } from '../service/errors';
import { fetchJob, submitJob } from '../service/jobs';
import type { JobInput } from '../service/model';
import { requestProjectDeletion } from '../service/project-deletion';
import { readTokenClaims } from '../service/token-claims';
import { classify } from './classifier';
import { DEMO_LABELLED_TICKETS } from './demo-labelled-tickets';
import { STAGING_VARIANT } from './demo-models';
import { DEMO_ENDPOINT, DEMO_KEY, DEMO_PROJECTS } from './demo-settings';
import { demoAccessToken } from './demo-token';
import { createServiceHandlers } from './handlers';

/** The app's authoring client and bearer tokens against the demo service. */

const START = Date.parse('2026-03-14T09:26:53Z');
const clock = { now: START };
const timing = { queuedMs: 100, runMs: 200, cancelMs: 50, deletionMs: 100 };
const handlers = createServiceHandlers({ origin: DEMO_ENDPOINT, timing, now: () => clock.now });
const server = setupServer(...handlers);
const credentials = { endpoint: DEMO_ENDPOINT, key: DEMO_KEY };
const urls: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => urls.push(request.url));
});
beforeEach(() => {
  clock.now = START;
  urls.length = 0;
});
afterEach(() => handlers.state.reset());
afterAll(() => server.close());

describe('the demo resource, read through the authoring client', () => {
  it('lists its two classification projects over two pages, leaving InvoiceFields out', async () => {
    const projects = await listProjects(credentials);
    expect(projects.map(({ projectName, labelMode }) => [projectName, labelMode])).toEqual([
      ['SupportTickets', 'single'],
      ['MovieGenres', 'multi'],
    ]);
    expect(urls).toHaveLength(2);
    expect(urls[1]).toContain('skip=2');
    expect(projects[0]).toMatchObject({ language: 'en-us', lastTrainedAt: '2026-03-11T09:26:53Z' });
  });

  it('leaves a deleted project out', async () => {
    await requestProjectDeletion(credentials, '2023-04-01', 'MovieGenres');
    expect((await listProjects(credentials)).map((project) => project.projectName)).toEqual([
      'SupportTickets',
    ]);
    await expect(listDeployments(credentials, 'MovieGenres')).rejects.toMatchObject({
      status: 404,
      problem: { code: 'ProjectNotFound' },
    });
  });

  it('has a production deployment about to expire and a fresh staging one', async () => {
    const deployments = await listDeployments(credentials, 'SupportTickets');
    expect(deployments.map((deployment) => deployment.deploymentName)).toEqual([
      'production',
      'staging',
    ]);
    const [production, staging] = deployments;
    expect(production?.expiresOn).toBe('2026-03-26');
    expect(expiryStatus(production?.expiresOn ?? '', clock.now)).toBe('soon');
    expect(expiryStatus(staging?.expiresOn ?? '', clock.now)).toBe('ok');
  });

  it('stays about to expire whatever the date', async () => {
    clock.now = Date.parse('2031-07-01T00:00:00Z');
    const [production] = await listDeployments(credentials, 'SupportTickets');
    expect(expiryStatus(production?.expiresOn ?? '', clock.now)).toBe('soon');
  });

  it('lists the models, paged, each deployment’s among them, and one expired', async () => {
    const models = await listModels(credentials, 'SupportTickets');
    expect(urls).toHaveLength(2);
    expect(models.map((model) => model.label)).toEqual(['v1', 'v2', 'v3']);
    const deployments = await listDeployments(credentials, 'SupportTickets');
    for (const deployment of deployments) {
      expect(models.map((model) => model.modelId)).toContain(deployment.modelId);
    }
    expect(models.map((model) => expiryStatus(model.expiresOn, clock.now))).toEqual([
      'expired',
      'soon',
      'ok',
    ]);
  });

  it('gives a single-label evaluation with a confusion matrix that agrees with its figures', async () => {
    const summary = await evaluationSummary(credentials, 'SupportTickets', 'v2');
    expect(summary.labelMode).toBe('single');
    expect(summary.split).toEqual({ kind: 'percentage', trainingPercent: 80, testingPercent: 20 });
    const billing = summary.classes.Billing;
    expect(billing).toMatchObject({ tp: 17, fn: 3, fp: 3 });
    expect(summary.confusionMatrix?.Billing).toEqual({ Billing: 17, Account: 2, Feedback: 1 });
    expect(summary.micro.f1).toBe(0.88);
    for (const figures of Object.values(summary.classes)) {
      expect(figures.tp + figures.tn + figures.fp + figures.fn).toBe(100);
    }
  });

  it('gives staging a model that mixes Billing and Account up more', async () => {
    const production = await evaluationSummary(credentials, 'SupportTickets', 'v2');
    const staging = await evaluationSummary(credentials, 'SupportTickets', 'v3');
    expect(staging.confusionMatrix?.Billing?.Account).toBeGreaterThan(
      production.confusionMatrix?.Billing?.Account ?? 0,
    );
  });

  it('gives a multi-label evaluation without a matrix', async () => {
    const summary = await evaluationSummary(credentials, 'MovieGenres', 'genres-v1');
    expect(summary.labelMode).toBe('multi');
    expect(summary.confusionMatrix).toBeUndefined();
    expect(Object.keys(summary.classes)).toEqual(DEMO_PROJECTS.multi.classes);
  });

  it('answers 404 for a model it does not have', async () => {
    await expect(evaluationSummary(credentials, 'SupportTickets', 'v9')).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('bearer tokens', () => {
  it('makes a demo token that reads as one', () => {
    const reading = readTokenClaims(demoAccessToken(600, START));
    expect(reading).toMatchObject({
      ok: true,
      claims: {
        audience: 'https://cognitiveservices.azure.com',
        who: 'Demo User',
        expiresAt: new Date(START + 600_000),
      },
    });
  });

  it('accepts a token that has not expired, for jobs and authoring alike', async () => {
    const token = {
      endpoint: DEMO_ENDPOINT,
      key: demoAccessToken(600, START),
      scheme: 'bearer' as const,
    };
    expect(await listProjects(token)).toHaveLength(2);
    const input: JobInput = {
      endpoint: DEMO_ENDPOINT,
      apiVersion: '2023-04-01',
      labelMode: 'single',
      projectName: 'SupportTickets',
      deploymentName: 'production',
      modelId: '',
      language: 'en',
      jobName: '',
      documents: [{ id: 'doc1', text: 'I was charged twice.' }],
    };
    const jobUrl = await submitJob(input, token);
    clock.now += timing.queuedMs + timing.runMs;
    expect((await fetchJob(jobUrl, token)).snapshot.phase).toBe('done');
  });

  it.each([
    ['an expired token', demoAccessToken(-1, START)],
    ['text that is not a token', 'not-a-token'],
  ])('refuses %s with the service’s wording and a clear hint', async (_name, key) => {
    const error = await listProjects({ endpoint: DEMO_ENDPOINT, key, scheme: 'bearer' }).catch(
      (caught: unknown) => caught,
    );
    if (!(error instanceof ServiceError)) throw new Error('expected a ServiceError');
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.',
    );
    expect(hintFor(error)).toMatch(/^The access token was refused/);
  });

  it('refuses a token that expires while a run goes on', async () => {
    const token = {
      endpoint: DEMO_ENDPOINT,
      key: demoAccessToken(60, START),
      scheme: 'bearer' as const,
    };
    await expect(listProjects(token)).resolves.toHaveLength(2);
    clock.now += 61_000;
    await expect(listProjects(token)).rejects.toMatchObject({ status: 401 });
  });
});

describe('the labelled tickets', () => {
  const classes = DEMO_PROJECTS.single.classes;
  const wrongOf = (variant?: typeof STAGING_VARIANT) =>
    DEMO_LABELLED_TICKETS.filter(
      (ticket) => classify(classes, ticket.text, 'single', variant)[0]?.category !== ticket.label,
    ).map((ticket) => ticket.id);

  it('are about 40, with unique ids and the project’s classes', () => {
    expect(DEMO_LABELLED_TICKETS).toHaveLength(40);
    expect(new Set(DEMO_LABELLED_TICKETS.map((ticket) => ticket.id)).size).toBe(40);
    for (const ticket of DEMO_LABELLED_TICKETS) expect(classes).toContain(ticket.label);
  });

  it('production gets 85–92 % right, staging a different set wrong', () => {
    const production = wrongOf();
    const staging = wrongOf(STAGING_VARIANT);
    const accuracy = 1 - production.length / DEMO_LABELLED_TICKETS.length;
    expect(accuracy).toBeGreaterThanOrEqual(0.85);
    expect(accuracy).toBeLessThanOrEqual(0.92);
    expect(staging.length).toBeGreaterThan(0);
    expect(staging.some((id) => !production.includes(id))).toBe(true);
    expect(production.some((id) => !staging.includes(id))).toBe(true);
  });

  it('staging predicts them differently over the service too', async () => {
    const input = (deploymentName: string): JobInput => ({
      endpoint: DEMO_ENDPOINT,
      apiVersion: '2023-04-01',
      labelMode: 'single',
      projectName: 'SupportTickets',
      deploymentName,
      modelId: '',
      language: 'en',
      jobName: '',
      documents: DEMO_LABELLED_TICKETS.slice(0, 25).map(({ id, text }) => ({ id, text })),
    });
    const production = await submitJob(input('production'), credentials);
    const staging = await submitJob(input('staging'), credentials);
    clock.now += timing.queuedMs + timing.runMs;
    const predicted = async (jobUrl: string) =>
      (await fetchJob(jobUrl, credentials)).snapshot.documents.map(
        (document) => document.classes[0]?.category,
      );
    const [fromProduction, fromStaging] = [await predicted(production), await predicted(staging)];
    expect(fromStaging).toHaveLength(25);
    expect(fromStaging).not.toEqual(fromProduction);
  });
});
