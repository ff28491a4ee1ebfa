import { describe, expect, it } from 'vitest';
import { EMPTY_CONNECTION, type ConnectionSettings } from './connection-store';
import {
  appliesUnasked,
  isForeignEndpoint,
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
      'an endpoint curl would expand into another host',
      `#view=${encodeURIComponent(JSON.stringify({ endpoint: 'https://contoso-language.cognitiveservices.azure.com{,.evil.example}', apiVersion: '2023-04-01', labelMode: 'single' }))}`,
    ],
    [
      'an endpoint with user info',
      `#view=${encodeURIComponent(JSON.stringify({ endpoint: 'https://evil.example@a.cognitiveservices.azure.com', apiVersion: '2023-04-01', labelMode: 'single' }))}`,
    ],
    [
      'an endpoint with a path',
      `#view=${encodeURIComponent(JSON.stringify({ endpoint: 'https://a.cognitiveservices.azure.com/x', apiVersion: '2023-04-01', labelMode: 'single' }))}`,
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

  it('normalises the link’s endpoint (capitals, a trailing dot) before anything compares it', () => {
    const json = JSON.stringify({
      endpoint: 'HTTPS://A.CognitiveServices.Azure.com.',
      apiVersion: '2023-04-01',
      labelMode: 'single',
    });
    const reading = readViewFragment(`#view=${encodeURIComponent(json)}`);
    expect(reading.kind === 'view' && reading.view.endpoint).toBe(
      'https://a.cognitiveservices.azure.com',
    );
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

  it('applies unasked only when the endpoint stays (or is the demo) and nothing of the user’s is lost', () => {
    const onDemo = { ...EMPTY_CONNECTION, endpoint: DEMO.endpoint, key: DEMO.key };
    expect(appliesUnasked(view, EMPTY_CONNECTION, DEMO.endpoint)).toBe(false);
    expect(appliesUnasked(view, onDemo, DEMO.endpoint)).toBe(false);
    expect(appliesUnasked({ ...view, endpoint: DEMO.endpoint }, onDemo, DEMO.endpoint)).toBe(true);
    expect(
      appliesUnasked({ ...view, endpoint: DEMO.endpoint }, EMPTY_CONNECTION, DEMO.endpoint),
    ).toBe(true);
    const same = { ...view, endpoint: 'https://myres.cognitiveservices.azure.com' };
    expect(appliesUnasked(same, settings, DEMO.endpoint)).toBe(false);
  });

  it('tells Azure AI hosts (and the demo) from every other host', () => {
    expect(isForeignEndpoint('https://myres.cognitiveservices.azure.com', DEMO.endpoint)).toBe(
      false,
    );
    expect(isForeignEndpoint('https://westus.api.cognitive.microsoft.com', DEMO.endpoint)).toBe(
      false,
    );
    expect(isForeignEndpoint(DEMO.endpoint, DEMO.endpoint)).toBe(false);
    expect(
      isForeignEndpoint('https://myres.cognitiveservices.azure.com.evil.example', DEMO.endpoint),
    ).toBe(true);
    expect(isForeignEndpoint('http://localhost:4010', DEMO.endpoint)).toBe(true);
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
