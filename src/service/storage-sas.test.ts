import { describe, expect, it } from 'vitest';
import { corsRuleFor, readSasUrl } from './storage-sas';

const SAS =
  'https://acct.blob.core.windows.net/tickets?sv=2024-08-04&sr=c&sp=racwl&se=2099-01-01T00:00:00Z&sig=SECRETSIG%3D';

describe('readSasUrl', () => {
  it('reads the container and shows it redacted: never the signature', () => {
    const read = readSasUrl(SAS);
    expect(read).toEqual({
      facts: {
        containerUrl: 'https://acct.blob.core.windows.net/tickets',
        containerName: 'tickets',
        redacted:
          'https://acct.blob.core.windows.net/tickets?sp=racwl&se=2099-01-01T00:00:00Z&sig=…',
      },
    });
    expect(JSON.stringify(read)).not.toContain('SECRETSIG');
  });

  it('reads an emulator’s path-style URL on loopback', () => {
    const read = readSasUrl('http://127.0.0.1:10000/devstoreaccount1/tickets?sp=rwl&sig=x');
    expect(read).toMatchObject({ facts: { containerName: 'tickets' } });
  });

  it.each([
    ['not a url', /not a URL/],
    ['http://acct.blob.core.windows.net/tickets?sp=rwl&sig=x', /https/],
    ['https://acct.blob.core.windows.net/tickets', /no signature/],
    ['https://acct.blob.core.windows.net/tickets?sp=r&sig=x', /write, list rights/],
    ['https://acct.blob.core.windows.net/a/b/c.txt?sp=rwl&sig=x', /name a container/],
    ['https://acct.blob.core.windows.net/tickets?sp=rwl&se=2001-01-01&sig=x', /expired/],
  ])('refuses %s', (value, problem) => {
    const read = readSasUrl(value);
    expect('problem' in read && read.problem).toMatch(problem);
  });
});

describe('corsRuleFor', () => {
  it('allows this origin to PUT blobs and read them back', () => {
    expect(corsRuleFor('https://console.example')).toEqual({
      allowedOrigins: 'https://console.example',
      allowedMethods: 'GET, HEAD, PUT, OPTIONS',
      allowedHeaders: '*',
      exposedHeaders: '*',
      maxAgeInSeconds: 500,
    });
  });
});
