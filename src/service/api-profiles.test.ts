import { describe, expect, it } from 'vitest';
import {
  API_PROFILES,
  API_VERSIONS,
  canCancel,
  DEFAULT_API_VERSION,
  isApiVersion,
  modelNameOf,
  PREVIEW_API_VERSION,
  profileOf,
  profilesOf,
  type ApiVersion,
} from './api-profiles';

const choice = { projectName: 'Tickets', deploymentName: 'production', modelId: 'abc_latest' };

describe('API profiles', () => {
  it('has one row per version, in the picker order, the GA default first', () => {
    expect(API_VERSIONS).toEqual(['2023-04-01', '2022-05-01', '2024-11-01', 'v3.1-preview.ct.1']);
    expect(DEFAULT_API_VERSION).toBe('2023-04-01');
    expect(new Set(API_PROFILES.map((profile) => profile.label)).size).toBe(API_PROFILES.length);
    for (const version of API_VERSIONS) expect(profileOf(version).version).toBe(version);
  });

  it('splits the versions into the two generations', () => {
    expect(profilesOf('ga').map((profile) => profile.version)).toEqual([
      '2023-04-01',
      '2022-05-01',
      '2024-11-01',
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
    expect(API_VERSIONS.filter(canCancel)).toEqual(['2023-04-01', '2022-05-01', '2024-11-01']);
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
});
