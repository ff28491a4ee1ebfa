import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  API_PROFILES,
  isVersionUnavailable,
  previousVersionOf,
  type ApiProfile,
  type ApiVersion,
} from '../service/api-profiles';
import { listTrainingConfigVersions, readProjectSettings } from '../service/authoring';
import { ServiceError } from '../service/errors';
import { callService } from '../service/http';
import { fetchJob, submitJob } from '../service/jobs';
import type { JobInput } from '../service/model';
import { fetchDeletionJob, requestProjectDeletion } from '../service/project-deletion';
import { DEMO_DOCUMENTS, DEMO_ENDPOINT, DEMO_KEY, DEMO_PROJECTS } from './demo-settings';
import { createServiceHandlers } from './handlers';

/** Every API profile against the demo service, through the app's own client: one row, one walk. */

const START = Date.parse('2026-03-14T09:26:53Z');
const clock = { now: START };
const timing = { queuedMs: 100, runMs: 200, cancelMs: 50, deletionMs: 100 };
const handlers = createServiceHandlers({ origin: DEMO_ENDPOINT, timing, now: () => clock.now });
const server = setupServer(...handlers);
const credentials = { endpoint: DEMO_ENDPOINT, key: DEMO_KEY };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clock.now = START;
});
afterEach(() => handlers.state.reset());
afterAll(() => server.close());

function jobInput(profile: ApiProfile, labelMode: JobInput['labelMode']): JobInput {
  const project = DEMO_PROJECTS[labelMode];
  // Only the fields the profile names the model by are filled, as the form would send them.
  const named = new Set(profile.model.fields.map(({ name }) => name));
  return {
    endpoint: DEMO_ENDPOINT,
    apiVersion: profile.version,
    labelMode,
    projectName: named.has('projectName') ? project.projectName : '',
    deploymentName: named.has('deploymentName') ? project.deploymentName : '',
    modelId: named.has('modelId') ? project.modelId : '',
    language: 'en',
    jobName: '',
    documents: DEMO_DOCUMENTS[labelMode].map((text, index) => ({ id: `doc${index + 1}`, text })),
  };
}

describe.each(API_PROFILES.map((profile) => [profile.version, profile] as const))(
  'API profile %s',
  (_, profile) => {
    it.each(['single', 'multi'] as const)(
      'builds a %s-label job the demo service runs to the end',
      async (labelMode) => {
        const jobUrl = await submitJob(jobInput(profile, labelMode), { key: DEMO_KEY });
        clock.now += timing.queuedMs + timing.runMs;
        const { snapshot } = await fetchJob(jobUrl, credentials);
        expect(snapshot.phase).toBe('done');
        expect(snapshot.documents).toHaveLength(DEMO_DOCUMENTS[labelMode].length);
        expect(snapshot.documents[0]?.classes.length).toBeGreaterThan(0);
        // The previews that detect languages say which; the others never do.
        for (const document of snapshot.documents) {
          if (profile.features.detectedLanguage) {
            expect(document.detectedLanguage).toMatchObject({ code: 'en', name: 'English' });
            expect(document.detectedLanguage?.confidence).toBeGreaterThan(0);
          } else expect(document.detectedLanguage).toBeUndefined();
        }
      },
    );

    it(profile.cancel ? 'cancels a sent job' : 'has no cancel', async () => {
      const jobUrl = await submitJob(jobInput(profile, 'single'), { key: DEMO_KEY });
      if (!profile.cancel) {
        // The preview has no cancel route: the service would answer 404.
        const url = new URL(jobUrl);
        url.pathname = `${url.pathname}:cancel`;
        await expect(callService({ method: 'POST', url: url.href }, credentials)).rejects.toThrow();
        return;
      }
      clock.now += timing.queuedMs;
      await callService(profile.cancel.request(jobUrl), credentials);
      clock.now += timing.cancelMs;
      expect((await fetchJob(jobUrl, credentials)).snapshot.phase).toBe('cancelled');
    });

    it(`deletes a project through authoring ${profile.deletion.authoringVersion}`, async () => {
      const { projectName } = DEMO_PROJECTS.single;
      expect(profile.deletion.request(DEMO_ENDPOINT, projectName).url).toContain(
        profile.deletion.authoringVersion,
      );
      const deletion = await requestProjectDeletion(credentials, profile.version, projectName);
      expect(deletion).toMatchObject({ status: 202, jobUrlUnreadable: false });
      if (profile.deletion.answer === 'deletion-job') expect(deletion.jobUrl).toBeDefined();
      if (!deletion.jobUrl) return;
      clock.now += timing.deletionMs;
      expect((await fetchDeletionJob(deletion.jobUrl, credentials)).job.phase).toBe('succeeded');
    });
  },
);

describe('a version the resource does not offer', () => {
  // As settings stored by another build would hold it: not checked against the table.
  const stored: unknown[] = ['2099-01-01-preview'];
  const unknownVersion = stored.find((value): value is ApiVersion => typeof value === 'string');

  it('is answered as the service answers it: 404 Resource not found', async () => {
    const profile = API_PROFILES[0];
    if (!profile || !unknownVersion) throw new Error('unreachable');
    const failure = await submitJob(
      { ...jobInput(profile, 'single'), apiVersion: unknownVersion },
      { key: DEMO_KEY },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceError);
    if (!(failure instanceof ServiceError)) return;
    expect(failure.status).toBe(404);
    expect(failure.problem).toMatchObject({ code: '404', message: 'Resource not found' });
    expect(isVersionUnavailable(failure)).toBe(true);
    // …and the app has a version to offer instead, which the service runs.
    const previous = previousVersionOf(unknownVersion);
    expect(previous).toBe('2025-11-01');
    if (!previous) return;
    const jobUrl = await submitJob(
      { ...jobInput(profile, 'single'), apiVersion: previous },
      { key: DEMO_KEY },
    );
    clock.now += timing.queuedMs + timing.runMs;
    expect((await fetchJob(jobUrl, credentials)).snapshot.phase).toBe('done');
  });
});

describe('authoring reads of the newer versions', () => {
  const { projectName } = DEMO_PROJECTS.single;

  it('give the project confidence threshold with a preview authoring version only', async () => {
    expect(await readProjectSettings(credentials, projectName, '2025-05-15-preview')).toEqual({
      confidenceThreshold: 0.5,
    });
    expect(await readProjectSettings(credentials, projectName, '2024-11-15-preview')).toEqual({
      confidenceThreshold: 0.5,
    });
    expect(await readProjectSettings(credentials, projectName, '2023-04-01')).toEqual({});
    const multi = DEMO_PROJECTS.multi.projectName;
    expect(await readProjectSettings(credentials, multi, '2025-05-15-preview')).toEqual({});
  });

  it('list the training config versions with their expiry dates, across pages', async () => {
    const versions = await listTrainingConfigVersions(
      credentials,
      'CustomSingleLabelClassification',
      '2023-04-01',
    );
    expect(versions.map(({ version }) => version)).toEqual(['2022-05-01', '2023-04-15']);
    for (const { expiresOn } of versions) expect(expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
