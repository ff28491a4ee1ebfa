import { describe, expect, it } from 'vitest';
import {
  API_PROFILES,
  API_VERSIONS,
  authoringReadsVersionOf,
  canCancel,
  DEFAULT_API_VERSION,
  isApiVersion,
  isVersionUnavailable,
  modelNameOf,
  PREVIEW_API_VERSION,
  previousVersionOf,
  profileOf,
  profilesOf,
  type ApiVersion,
} from './api-profiles';
import type { JobInput } from './model';

const choice = { projectName: 'Tickets', deploymentName: 'production', modelId: 'abc_latest' };

describe('API profiles', () => {
  it('has one row per version, stable ones first, newest first; the default is 2024-11-01', () => {
    expect(API_VERSIONS).toEqual([
      '2025-11-01',
      '2024-11-01',
      '2023-04-01',
      '2022-05-01',
      '2025-11-15-preview',
      '2025-05-15-preview',
      '2024-11-15-preview',
      'v3.1-preview.ct.1',
    ]);
    expect(DEFAULT_API_VERSION).toBe('2024-11-01');
    expect(new Set(API_PROFILES.map((profile) => profile.label)).size).toBe(API_PROFILES.length);
    expect(API_PROFILES.map((profile) => profile.version)).toEqual(API_VERSIONS);
  });

  it('splits the versions into the two generations', () => {
    expect(profilesOf('ga').map((profile) => profile.version)).toEqual([
      '2025-11-01',
      '2024-11-01',
      '2023-04-01',
      '2022-05-01',
      '2025-11-15-preview',
      '2025-05-15-preview',
      '2024-11-15-preview',
    ]);
    expect(profilesOf('preview').map((profile) => profile.version)).toEqual([PREVIEW_API_VERSION]);
  });

  it.each(API_PROFILES.map((profile) => [profile.version, profile] as const))(
    '%s names its model by fields that match its kind, one of them required',
    (_, { model }) => {
      const names = model.fields.map(({ name }) => name);
      expect(names).toContain(model.kind === 'model-id' ? 'modelId' : 'deploymentName');
      expect(names).not.toContain(model.kind === 'model-id' ? 'deploymentName' : 'modelId');
      expect(model.fields.some(({ required }) => required)).toBe(true);
    },
  );

  it('knows which versions can cancel and how deletion answers', () => {
    expect(API_VERSIONS.filter(canCancel)).toEqual(profilesOf('ga').map(({ version }) => version));
    expect(profileOf('2024-11-01').deletion).toMatchObject({
      authoringVersion: '2023-04-01',
      answer: 'deletion-job',
    });
    expect(profileOf(PREVIEW_API_VERSION).deletion).toMatchObject({
      authoringVersion: 'v1.0-preview.2',
      answer: 'any-2xx',
    });
    expect(profileOf(PREVIEW_API_VERSION).cancel).toBeUndefined();
  });

  it('builds the GA cancel URL beside the job URL, keeping its query', () => {
    const jobUrl =
      'https://r.cognitiveservices.azure.com/language/analyze-text/jobs/j1?api-version=2023-04-01';
    expect(profileOf('2023-04-01').cancel?.request(jobUrl)).toEqual({
      method: 'POST',
      url: 'https://r.cognitiveservices.azure.com/language/analyze-text/jobs/j1:cancel?api-version=2023-04-01',
    });
  });

  it('names the model as people read it', () => {
    expect(modelNameOf({ ...choice, apiVersion: '2022-05-01' })).toBe('Tickets / production');
    expect(modelNameOf({ ...choice, apiVersion: PREVIEW_API_VERSION })).toBe('abc_latest');
  });

  it('treats a version it does not know (stored by another build) as GA, as before', () => {
    expect(isApiVersion('2021-01-01')).toBe(false);
    expect(isApiVersion(PREVIEW_API_VERSION)).toBe(true);
    // Settings read back from storage are not checked against the table.
    const stored: unknown[] = ['2021-01-01'];
    const unknown = stored.find((value): value is ApiVersion => typeof value === 'string');
    if (!unknown) throw new Error('unreachable');
    expect(profileOf(unknown)).toMatchObject({ generation: 'ga', version: '2021-01-01' });
    expect(profileOf(unknown).deletion.authoringVersion).toBe('2023-04-01');
  });

  it('says which versions are previews, in the label the picker shows', () => {
    const previews = API_PROFILES.filter((profile) => profile.stability === 'preview');
    expect(previews.map(({ version }) => version)).toEqual([
      '2025-11-15-preview',
      '2025-05-15-preview',
      '2024-11-15-preview',
      PREVIEW_API_VERSION,
    ]);
    for (const profile of API_PROFILES)
      expect(profile.label.includes('preview')).toBe(profile.stability === 'preview');
    expect(profileOf(DEFAULT_API_VERSION).label).toContain('default');
  });

  it('maps each prediction version to the authoring version of its time', () => {
    const authoring = Object.fromEntries(
      API_PROFILES.map(({ version, deletion }) => [version, deletion.authoringVersion]),
    );
    expect(authoring).toEqual({
      '2025-11-01': '2023-04-01',
      '2024-11-01': '2023-04-01',
      '2023-04-01': '2023-04-01',
      '2022-05-01': '2022-05-01',
      '2025-11-15-preview': '2025-05-15-preview',
      '2025-05-15-preview': '2025-05-15-preview',
      '2024-11-15-preview': '2024-11-15-preview',
      [PREVIEW_API_VERSION]: 'v1.0-preview.2',
    });
    // The 2021 preview's authoring API has no reads: the resource is read through the default's.
    expect(authoringReadsVersionOf(PREVIEW_API_VERSION)).toBe('2023-04-01');
    expect(authoringReadsVersionOf('2025-11-15-preview')).toBe('2025-05-15-preview');
  });

  it('gives detected language and defaultLanguage to the previews after 2024-11-01 only', () => {
    const detecting = API_PROFILES.filter(({ features }) => features.detectedLanguage);
    expect(detecting.map(({ version }) => version)).toEqual([
      '2025-11-15-preview',
      '2025-05-15-preview',
      '2024-11-15-preview',
    ]);
    expect(profileOf('2025-11-01').features).toEqual({
      detectedLanguage: false,
      defaultLanguage: false,
      cancelAfter: false,
    });
    expect(profileOf('2024-11-15-preview').features.cancelAfter).toBe(false);
    expect(profileOf('2025-05-15-preview').features.cancelAfter).toBe(true);
  });

  const input: JobInput = {
    endpoint: 'https://r.cognitiveservices.azure.com',
    apiVersion: '2025-11-15-preview',
    labelMode: 'single',
    projectName: 'Tickets',
    deploymentName: 'production',
    modelId: '',
    language: 'fr',
    jobName: '',
    documents: [
      { id: 'a', text: 'Bonjour' },
      { id: 'b', text: 'Hola', language: 'es' },
    ],
  };

  it('on a detecting preview asks for detection, with the form language as defaultLanguage', () => {
    const { body, url } = profileOf('2025-11-15-preview').submitRequest(input);
    expect(url).toContain('api-version=2025-11-15-preview');
    expect(body).toMatchObject({
      defaultLanguage: 'fr',
      analysisInput: {
        documents: [
          { id: 'a', language: 'auto', text: 'Bonjour' },
          // A document's own language (from an imported file) is kept as it is.
          { id: 'b', language: 'es', text: 'Hola' },
        ],
      },
    });
    expect(body).not.toHaveProperty('cancelAfter');
    // Without a form language there is nothing to default to.
    const bare = profileOf('2024-11-15-preview').submitRequest({ ...input, language: '' });
    expect(bare.body).not.toHaveProperty('defaultLanguage');
  });

  it('on a GA version sends the form language on every document and no defaultLanguage', () => {
    const { body } = profileOf('2025-11-01').submitRequest({ ...input, apiVersion: '2025-11-01' });
    expect(body).not.toHaveProperty('defaultLanguage');
    expect(body).toMatchObject({
      analysisInput: { documents: [{ language: 'fr' }, { language: 'es' }] },
    });
  });

  it('offers the previous version of the same generation, none before the oldest', () => {
    expect(previousVersionOf('2025-11-15-preview')).toBe('2025-11-01');
    expect(previousVersionOf('2025-11-01')).toBe('2024-11-01');
    expect(previousVersionOf('2025-05-15-preview')).toBe('2024-11-15-preview');
    expect(previousVersionOf('2024-11-15-preview')).toBe('2024-11-01');
    expect(previousVersionOf('2024-11-01')).toBe('2023-04-01');
    expect(previousVersionOf('2022-05-01')).toBeUndefined();
    expect(previousVersionOf(PREVIEW_API_VERSION)).toBeUndefined();
    for (const { version } of API_PROFILES) {
      const previous = previousVersionOf(version);
      if (previous) expect(profileOf(previous).generation).toBe(profileOf(version).generation);
    }
  });

  it('for a version no row knows, offers the newest stable version released before it', () => {
    const stored: unknown[] = ['2026-05-15-preview', '2021-01-01'];
    const [newer, older] = stored.filter((value): value is ApiVersion => typeof value === 'string');
    if (!newer || !older) throw new Error('unreachable');
    expect(previousVersionOf(newer)).toBe('2025-11-01');
    expect(previousVersionOf(older)).toBe(DEFAULT_API_VERSION);
  });

  it('recognises the service saying it does not offer the api-version', () => {
    const notFound = { code: '404', message: 'Resource not found' };
    expect(isVersionUnavailable({ status: 404, problem: notFound })).toBe(true);
    expect(
      isVersionUnavailable({
        status: 400,
        problem: {
          code: 'UnsupportedApiVersion',
          message: 'The HTTP resource does not support the API version 2025-11-15-preview.',
        },
      }),
    ).toBe(true);
    expect(
      isVersionUnavailable({
        status: 400,
        problem: {
          code: 'InvalidRequest',
          message: 'Invalid Request.',
          innerCode: 'InvalidParameterValue',
          innerMessage: 'The api-version 2025-11-15-preview is not supported.',
        },
      }),
    ).toBe(true);
    // A missing project, deployment or job is not about the version.
    expect(
      isVersionUnavailable({
        status: 404,
        problem: { code: 'ProjectNotFound', message: 'The specified project was not found.' },
      }),
    ).toBe(false);
    expect(
      isVersionUnavailable({
        status: 404,
        problem: { code: 'NotFound', message: 'Job not found' },
      }),
    ).toBe(false);
    expect(isVersionUnavailable({ status: 404 })).toBe(false);
    expect(isVersionUnavailable({ status: 500, problem: notFound })).toBe(false);
  });
});
