import { describe, expect, it } from 'vitest';
import { DEMO_ENDPOINT, DEMO_KEY } from '../../demo/demo-settings';
import { demoAccessToken } from '../../demo/demo-token';
import { EMPTY_CONNECTION, type ConnectionSettings } from './connection-store';
import { checkCredentials, validateConnection, type FieldErrors } from './validate-connection';

const valid: ConnectionSettings = {
  ...EMPTY_CONNECTION,
  endpoint: 'https://myres.cognitiveservices.azure.com/',
  key: '  0123456789abcdef  ',
  projectName: 'My_Project-1.0',
  deploymentName: 'production',
};

describe('validateConnection', () => {
  it('normalises a valid GA connection and trims the key', () => {
    const check = validateConnection(valid, true);
    expect(check).toMatchObject({
      ok: true,
      connection: {
        endpoint: 'https://myres.cognitiveservices.azure.com',
        key: '0123456789abcdef',
        projectName: 'My_Project-1.0',
      },
    });
  });

  it('reports empty required fields only after a submit attempt', () => {
    expect(validateConnection(EMPTY_CONNECTION, false).errors).toEqual({});
    expect(Object.keys(validateConnection(EMPTY_CONNECTION, true).errors)).toEqual([
      'endpoint',
      'key',
      'projectName',
      'deploymentName',
    ]);
    expect(validateConnection(EMPTY_CONNECTION, false).ok).toBe(false);
  });

  it.each<[Partial<ConnectionSettings>, keyof FieldErrors, RegExp]>([
    [{ key: 'abc def' }, 'key', /no spaces/],
    [{ key: 'abc\ndef' }, 'key', /line breaks/],
    [{ projectName: 'My Project' }, 'projectName', /letters, digits/],
    [{ projectName: 'p'.repeat(51) }, 'projectName', /at most 50/],
    [{ deploymentName: 'prod/1' }, 'deploymentName', /letters, digits/],
    [{ language: 'english' }, 'language', /language code/],
    [{ language: 'e1' }, 'language', /language code/],
    [{ endpoint: 'http://example.com' }, 'endpoint', /https/],
    [{ apiVersion: 'v3.1-preview.ct.1', modelId: '' }, 'modelId', /model ID/],
    [{ apiVersion: 'v3.1-preview.ct.1', modelId: 'bad id' }, 'modelId', /letters, digits/],
    [{ jobName: 'x'.repeat(101) }, 'jobName', /at most 100/],
  ])('refuses %j next to the field', (change, field, error) => {
    const check = validateConnection({ ...valid, ...change }, true);
    expect(check.ok).toBe(false);
    expect(check.errors[field]).toMatch(error);
  });

  it('needs a model ID instead of a deployment for the preview API, project name optional', () => {
    const preview = {
      ...valid,
      apiVersion: 'v3.1-preview.ct.1' as const,
      deploymentName: '',
      projectName: '',
      modelId: 'x_SingleClassification_latest',
    };
    expect(validateConnection(preview, true).ok).toBe(true);
  });

  it('accepts language codes with regions and scripts', () => {
    for (const language of ['en', 'pt-BR', 'zh-Hans', 'fil']) {
      expect(validateConnection({ ...valid, language }, true).ok).toBe(true);
    }
  });

  it('gives credentials once endpoint and key are valid', () => {
    expect(checkCredentials(valid)).toEqual({
      endpoint: 'https://myres.cognitiveservices.azure.com',
      key: '0123456789abcdef',
    });
    expect(checkCredentials({ ...valid, endpoint: 'http://evil.example' })).toBeUndefined();
  });

  it('keeps the demo key from an Azure resource typed over the demo, and says why', () => {
    const overDemo = { ...valid, key: DEMO_KEY };
    // Nothing is read from the resource with it: no request to be answered with a 401.
    expect(checkCredentials(overDemo)).toBeUndefined();
    expect(validateConnection(overDemo, false).errors.key).toMatch(
      /demo’s key.*your resource’s key/,
    );
    // The demo itself, and the simulated service on loopback (`npm run service`), take it.
    expect(checkCredentials({ ...overDemo, endpoint: DEMO_ENDPOINT })?.key).toBe(DEMO_KEY);
    expect(checkCredentials({ ...overDemo, endpoint: 'http://127.0.0.1:5173' })?.key).toBe(
      DEMO_KEY,
    );
  });

  it('hands everything downstream the normalised origin, never the typed string', () => {
    const typed = { ...valid, endpoint: ' HTTPS://MyRes.CognitiveServices.Azure.com./ ' };
    expect(validateConnection(typed, true)).toMatchObject({
      ok: true,
      connection: {
        endpoint: 'https://myres.cognitiveservices.azure.com',
        resourceEndpoint: 'https://myres.cognitiveservices.azure.com',
      },
    });
    expect(checkCredentials(typed)?.endpoint).toBe('https://myres.cognitiveservices.azure.com');
    const proxied = validateConnection({ ...typed, useProxy: true }, true, 'http://127.0.0.1:5173');
    expect(proxied).toMatchObject({
      connection: {
        endpoint: 'http://127.0.0.1:5173/__proxy/https/myres.cognitiveservices.azure.com',
        resourceEndpoint: 'https://myres.cognitiveservices.azure.com',
      },
    });
  });

  it.each([
    'https://contoso-language.cognitiveservices.azure.com{,.evil.example}',
    'https://evil.example@myres.cognitiveservices.azure.com',
    'https://myres.cognitiveservices.azure.com/language',
    'https://myres.cognitiveservices.azure.com#x',
  ])('refuses %j, so neither the key nor a snippet can be aimed by it', (endpoint) => {
    const check = validateConnection({ ...valid, endpoint }, true);
    expect(check.ok).toBe(false);
    expect(check.errors.endpoint).toBeTruthy();
    expect(checkCredentials({ ...valid, endpoint })).toBeUndefined();
  });

  describe('with an access token instead of the key', () => {
    const token = demoAccessToken(3600);
    const bearer: ConnectionSettings = {
      ...valid,
      key: '',
      authMethod: 'bearer',
      token: ` ${token} `,
    };

    it('sends the token as a bearer secret, and ignores the key', () => {
      expect(checkCredentials(bearer)).toEqual({
        endpoint: 'https://myres.cognitiveservices.azure.com',
        key: token,
        scheme: 'bearer',
      });
      const check = validateConnection(bearer, true);
      expect(check).toMatchObject({ ok: true, connection: { key: token, scheme: 'bearer' } });
      expect(check.errors.key).toBeUndefined();
    });

    it('accepts a pasted "Bearer …" header value as its token', () => {
      expect(checkCredentials({ ...bearer, token: `Bearer ${token}` })?.key).toBe(token);
    });

    it('refuses what is not a token, next to the token field', () => {
      expect(validateConnection({ ...bearer, token: '' }, true).errors.token).toMatch(/Paste/);
      expect(validateConnection({ ...bearer, token: 'abc' }, true).errors.token).toMatch(
        /does not look like an access token/,
      );
      expect(checkCredentials({ ...bearer, token: 'abc' })).toBeUndefined();
    });

    it('leaves the key out when the token is chosen, and the token when the key is', () => {
      expect(checkCredentials({ ...bearer, authMethod: 'key', key: 'k123' })).toEqual({
        endpoint: 'https://myres.cognitiveservices.azure.com',
        key: 'k123',
      });
    });
  });
});
