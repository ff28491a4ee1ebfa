import { describe, expect, it } from 'vitest';
import { renewalDelay, signInConfig } from './token-provider';

const CLIENT = '11111111-2222-3333-4444-555555555555';

describe('signInConfig', () => {
  it('takes the typed settings, else the build’s, and needs both', () => {
    expect(signInConfig({ tenantId: 'contoso.com', clientId: CLIENT }, {})).toEqual({
      tenantId: 'contoso.com',
      clientId: CLIENT,
    });
    expect(
      signInConfig({ tenantId: '', clientId: '' }, { tenantId: 'organizations', clientId: CLIENT }),
    ).toEqual({
      tenantId: 'organizations',
      clientId: CLIENT,
    });
    expect(signInConfig({ tenantId: 'contoso.com', clientId: '' }, {})).toBeUndefined();
    expect(signInConfig({ tenantId: 'a/b', clientId: CLIENT }, {})).toBeUndefined();
    expect(signInConfig({ tenantId: 'contoso.com', clientId: 'not-a-guid' }, {})).toBeUndefined();
  });
});

describe('renewalDelay', () => {
  it('renews two minutes before expiry, at once when that is past', () => {
    expect(renewalDelay(new Date(10 * 60_000), 0)).toBe(8 * 60_000);
    expect(renewalDelay(new Date(60_000), 0)).toBe(0);
    expect(renewalDelay(undefined, 0)).toBeUndefined();
  });
});
