import { describe, expect, it } from 'vitest';
import { EMPTY_CONNECTION, type ConnectionSettings } from './connection-store';
import {
  isReplaceable,
  readViewFragment,
  settingsForView,
  shareViewUrl,
  viewOf,
} from './shared-view';

const settings: ConnectionSettings = {
  ...EMPTY_CONNECTION,
  endpoint: 'https://myres.cognitiveservices.azure.com/',
  key: 'secret-key',
  token: 'secret-token',
  rememberKey: true,
  apiVersion: '2024-11-01',
  labelMode: 'multi',
  projectName: 'MovieGenres',
  deploymentName: 'staging',
  language: 'fr',
  jobName: 'nightly',
};
const DEMO = { endpoint: 'https://demo.classify-console.invalid', key: 'demo-key-0000' };

const fragmentOf = (url: string) => new URL(url).hash;

describe('share a view', () => {
  it('round-trips the view through the fragment, without the secrets or the job name', () => {
    const url = shareViewUrl(viewOf(settings), 'http://localhost:5173/app/?x=1#old');
    expect(url.startsWith('http://localhost:5173/app/?x=1#view=')).toBe(true);
    expect(url).not.toContain('secret');
    expect(url).not.toContain('nightly');
    expect(readViewFragment(fragmentOf(url))).toEqual({
      kind: 'view',
      view: {
        endpoint: 'https://myres.cognitiveservices.azure.com',
        apiVersion: '2024-11-01',
        labelMode: 'multi',
        projectName: 'MovieGenres',
        deploymentName: 'staging',
        modelId: '',
        language: 'fr',
      },
    });
  });

  it('ignores other fragments and unknown fields, the key among them', () => {
    expect(readViewFragment('')).toEqual({ kind: 'none' });
    expect(readViewFragment('#results')).toEqual({ kind: 'none' });
    const json = JSON.stringify({
      endpoint: 'https://a.cognitiveservices.azure.com',
      apiVersion: '2023-04-01',
      labelMode: 'single',
      key: 'stolen?',
      theme: 'dark',
    });
    const reading = readViewFragment(`#view=${encodeURIComponent(json)}`);
    expect(reading.kind).toBe('view');
    expect(reading.kind === 'view' && Object.keys(reading.view)).not.toContain('key');
  });

  it.each([
    ['not JSON', '#view=%7Bnope'],
    [
      'a bad endpoint',
      `#view=${encodeURIComponent(JSON.stringify({ endpoint: 'http://evil.example', apiVersion: '2023-04-01', labelMode: 'single' }))}`,
    ],
    [
      'an unknown API version',
      `#view=${encodeURIComponent(JSON.stringify({ endpoint: 'https://a.cognitiveservices.azure.com', apiVersion: '1999', labelMode: 'single' }))}`,
    ],
    [
      'a bad project name',
      `#view=${encodeURIComponent(JSON.stringify({ endpoint: 'https://a.cognitiveservices.azure.com', apiVersion: '2023-04-01', labelMode: 'single', projectName: 'a b' }))}`,
    ],
    [
      'a bad kind',
      `#view=${encodeURIComponent(JSON.stringify({ endpoint: 'https://a.cognitiveservices.azure.com', apiVersion: '2023-04-01', labelMode: 'both' }))}`,
    ],
  ])('refuses %s', (_what, hash) => {
    expect(readViewFragment(hash).kind).toBe('invalid');
  });
});

describe('opening a view', () => {
  const view = {
    endpoint: 'https://other.cognitiveservices.azure.com',
    apiVersion: '2023-04-01' as const,
    labelMode: 'single' as const,
    projectName: 'P',
    deploymentName: 'd',
    modelId: '',
    language: '',
  };

  it('replaces an empty or demo form without asking, and a filled one only after asking', () => {
    expect(isReplaceable(EMPTY_CONNECTION, DEMO.endpoint)).toBe(true);
    expect(isReplaceable({ ...settings, endpoint: `${DEMO.endpoint}/` }, DEMO.endpoint)).toBe(true);
    expect(isReplaceable(settings, DEMO.endpoint)).toBe(false);
    expect(isReplaceable({ ...EMPTY_CONNECTION, key: 'k' }, DEMO.endpoint)).toBe(false);
  });

  it('drops the key and token when the endpoint changes, keeps them when it does not', () => {
    expect(settingsForView(view, settings, DEMO)).toMatchObject({
      key: '',
      token: '',
      endpoint: view.endpoint,
    });
    const same = { ...view, endpoint: 'https://myres.cognitiveservices.azure.com' };
    const kept = settingsForView(same, settings, DEMO);
    expect(kept).not.toHaveProperty('key');
    expect(kept).not.toHaveProperty('token');
    expect(settingsForView({ ...view, endpoint: DEMO.endpoint }, settings, DEMO)).toMatchObject({
      key: DEMO.key,
      authMethod: 'key',
    });
  });
});
