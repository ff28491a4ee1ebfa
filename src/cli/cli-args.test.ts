import { describe, expect, it } from 'vitest';
import { commandFlags, countFlag, runFlags, secretFromEnv, UsageError } from './cli-args';

const model = { project: 'SupportTickets', deployment: 'production', input: 'docs.jsonl' };

describe('secretFromEnv', () => {
  it('reads the key from LANGUAGE_KEY and a token from LANGUAGE_TOKEN', () => {
    expect(secretFromEnv({ LANGUAGE_KEY: ' abc ' })).toEqual({ key: 'abc' });
    expect(secretFromEnv({ LANGUAGE_TOKEN: 'Bearer eyJ' })).toEqual({
      key: 'eyJ',
      scheme: 'bearer',
    });
  });

  it('refuses none, and both at once', () => {
    expect(() => secretFromEnv({})).toThrow(/LANGUAGE_KEY/);
    expect(() => secretFromEnv({ LANGUAGE_KEY: 'a', LANGUAGE_TOKEN: 'b' })).toThrow(/not both/);
  });
});

describe('commandFlags', () => {
  it('refuses a key on the command line without echoing it', () => {
    const attempt = () => commandFlags('run', ['--key=s3cret', '--input', 'a.csv']);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/LANGUAGE_KEY/);
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('refuses unknown flags and stray words', () => {
    expect(() => commandFlags('run', ['--inptu', 'a.csv'])).toThrow(UsageError);
    expect(() => commandFlags('worker', ['extra'])).toThrow(UsageError);
  });

  it('reads each command’s own flags', () => {
    expect(commandFlags('collect', ['--run', 'r1', '--wait', '--out', 'o'])).toMatchObject({
      run: 'r1',
      wait: true,
      out: 'o',
    });
  });
});

describe('runFlags', () => {
  it('takes an https endpoint, normalised by the app’s rules', () => {
    const { settings } = runFlags(
      { ...model, endpoint: 'https://Contoso.cognitiveservices.azure.com/' },
      { key: 'k' },
    );
    expect(settings).toMatchObject({
      endpoint: 'https://contoso.cognitiveservices.azure.com',
      useProxy: false,
      apiVersion: '2024-11-01',
      labelMode: 'single',
      projectName: 'SupportTickets',
      deploymentName: 'production',
    });
  });

  it('allows plain http on loopback only', () => {
    expect(
      runFlags({ ...model, endpoint: 'http://127.0.0.1:4010' }, { key: 'k' }).settings.endpoint,
    ).toBe('http://127.0.0.1:4010');
    expect(() => runFlags({ ...model, endpoint: 'http://contoso.example' }, { key: 'k' })).toThrow(
      /--endpoint: Use https/,
    );
  });

  it('names the flag that is missing or wrong', () => {
    const endpoint = 'https://contoso.cognitiveservices.azure.com';
    expect(() => runFlags({ ...model, endpoint, deployment: undefined }, { key: 'k' })).toThrow(
      /--deployment: Enter the deployment name/,
    );
    expect(() =>
      runFlags({ ...model, endpoint, 'api-version': '2099-01-01' }, { key: 'k' }),
    ).toThrow(/--api-version 2099-01-01/);
    expect(() => runFlags({ ...model, endpoint, language: 'english' }, { key: 'k' })).toThrow(
      /--language/,
    );
    expect(() => runFlags({ ...model, endpoint, input: undefined }, { key: 'k' })).toThrow(
      /--input/,
    );
  });

  it('takes a model ID for the preview API', () => {
    const { settings } = runFlags(
      {
        input: 'a.txt',
        endpoint: 'https://contoso.cognitiveservices.azure.com',
        'api-version': 'v3.1-preview.ct.1',
        'model-id': 'Tickets_SingleClassification_latest',
      },
      { key: 'k' },
    );
    expect(settings.modelId).toBe('Tickets_SingleClassification_latest');
  });
});

describe('countFlag', () => {
  it('takes whole numbers within bounds, and the default when absent', () => {
    expect(countFlag('concurrency', undefined, 8)).toBe(8);
    expect(countFlag('concurrency', '3', 8)).toBe(3);
    expect(() => countFlag('concurrency', '0', 8)).toThrow(/--concurrency/);
    expect(() => countFlag('concurrency', '2.5', 8)).toThrow(/whole number/);
  });
});
