import { describe, expect, it } from 'vitest';
import {
  isCognitiveServicesAudience,
  looksLikeJwt,
  readTokenClaims,
  tokenStatus,
} from './token-claims';

const part = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

const token = (payload: unknown) =>
  `${part({ typ: 'JWT', alg: 'RS256' })}.${part(payload)}.c2lnbmF0dXJl`;

describe('readTokenClaims', () => {
  it('reads who a user token is for, its tenant and its times, without verifying it', () => {
    const reading = readTokenClaims(
      token({
        aud: 'https://cognitiveservices.azure.com',
        tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        name: 'Zoë Müller',
        upn: 'zoe@contoso.com',
        sub: 'abc',
        iat: 1_773_480_000,
        exp: 1_773_483_600,
      }),
    );
    expect(reading).toEqual({
      ok: true,
      claims: {
        audience: 'https://cognitiveservices.azure.com',
        who: 'Zoë Müller',
        name: 'Zoë Müller',
        upn: 'zoe@contoso.com',
        appId: undefined,
        subject: 'abc',
        tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        expiresAt: new Date(1_773_483_600_000),
        issuedAt: new Date(1_773_480_000_000),
        notBefore: undefined,
        unusableTimes: [],
      },
    });
  });

  it('names the app for an application token, and joins several audiences', () => {
    const reading = readTokenClaims(
      `Bearer ${token({ aud: ['https://cognitiveservices.azure.com/', 'api://x'], appid: 'app-1', sub: 's' })}`,
    );
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.claims.who).toBe('app-1');
    expect(reading.claims.audience).toBe('https://cognitiveservices.azure.com/, api://x');
    expect(isCognitiveServicesAudience(reading.claims.audience)).toBe(true);
    expect(reading.claims.expiresAt).toBeUndefined();
  });

  it.each([
    ['', /No token/],
    ['demo-key-0000', /does not look like an access token/],
    ['a.b', /does not look like an access token/],
    ['eyJ.e30$.x', /does not look like an access token/],
    [`${part({})}.bm90IGpzb24.sig`, /not base64url-encoded JSON/],
    [`${part({})}.${part([1, 2])}.sig`, /not a set of claims/],
  ])('explains why %j is not a token', (text, reason) => {
    const reading = readTokenClaims(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toMatch(reason);
  });

  it('refuses a payload that is JSON but not a set of claims', () => {
    for (const payload of [[1, 2], 'text', 7, null]) {
      expect(readTokenClaims(token(payload))).toEqual({
        ok: false,
        reason: 'The token’s payload is not a set of claims.',
      });
    }
  });

  it('accepts an unsigned token (an empty third part)', () => {
    expect(looksLikeJwt(`${part({})}.${part({ exp: 1 })}.`)).toBe(true);
  });
});

describe('isCognitiveServicesAudience', () => {
  it('wants https://cognitiveservices.azure.com', () => {
    expect(isCognitiveServicesAudience('https://cognitiveservices.azure.com')).toBe(true);
    expect(isCognitiveServicesAudience('https://management.azure.com/')).toBe(false);
    expect(isCognitiveServicesAudience(undefined)).toBe(false);
  });
});

describe('tokenStatus', () => {
  const expiresAt = new Date(1_000_000);
  it('warns a minute before expiry, then says it expired', () => {
    expect(tokenStatus({ expiresAt }, 1_000_000 - 61_000)).toBe('valid');
    expect(tokenStatus({ expiresAt }, 1_000_000 - 60_000)).toBe('expiring');
    expect(tokenStatus({ expiresAt }, 1_000_000)).toBe('expired');
    expect(tokenStatus({ expiresAt: undefined })).toBe('unknown');
  });
});

describe('hostile claims', () => {
  it('says which times are not usable instead of making an Invalid Date', () => {
    for (const exp of [8.64e12 + 1, -9e12, 1e308, '1700000000', null]) {
      const reading = readTokenClaims(token({ aud: 'x', exp, nbf: 1e20, iat: 1_700_000_000 }));
      if (!reading.ok) throw new Error(reading.reason);
      expect(reading.claims.expiresAt).toBeUndefined();
      expect(reading.claims.unusableTimes).toEqual(['exp', 'nbf']);
      expect(reading.claims.issuedAt?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
      expect(tokenStatus(reading.claims)).toBe('unknown');
    }
    // The edge of what a date holds is still a date.
    const edge = readTokenClaims(token({ exp: 8.64e12 }));
    expect(edge.ok && edge.claims.expiresAt?.toISOString()).toBe('+275760-09-13T00:00:00.000Z');
    expect(edge.ok && edge.claims.unusableTimes).toEqual([]);
  });

  it('drops bidi overrides, isolates and marks from the claims it shows', () => {
    const reading = readTokenClaims(
      token({
        name: 'Demo \u202Eresu\u202C User\u200F',
        upn: '\u2066admin@contoso.com\u2069',
        aud: ['https://cognitiveservices.azure.com\u200E'],
        tid: '\u202Dtenant',
      }),
    );
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.claims.who).toBe('Demo resu User');
    expect(reading.claims.upn).toBe('admin@contoso.com');
    expect(reading.claims.tenant).toBe('tenant');
    expect(reading.claims.audience).toBe('https://cognitiveservices.azure.com');
    expect(JSON.stringify(reading.claims)).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });
});
