import { describe, expect, it } from 'vitest';
import { resourceKeys } from './resource-keys';
import { credentialTag } from './resource-queries';
import { formatDay, unknownNameWarning } from './resource-names';

describe('unknownNameWarning', () => {
  const known = ['SupportTickets', 'MovieGenres'];
  it('is silent for a known name, an empty one, or an unknown list', () => {
    expect(unknownNameWarning('SupportTickets', known, 'project')).toBeUndefined();
    expect(unknownNameWarning('', known, 'project')).toBeUndefined();
    expect(unknownNameWarning('x', undefined, 'project')).toBeUndefined();
  });
  it('hints at the case, or names what the resource has', () => {
    expect(unknownNameWarning('supportTickets', known, 'project')).toBe(
      'Not on this resource. Did you mean SupportTickets? Names are case-sensitive.',
    );
    expect(unknownNameWarning('Other', known, 'project')).toBe(
      'Not on this resource, which has SupportTickets, MovieGenres.',
    );
    expect(unknownNameWarning('prod', [], 'deployment')).toBe(
      'This resource has no deployments to match.',
    );
  });
});

describe('resource keys', () => {
  it('name the endpoint and a number for the secret, never the secret', () => {
    const tag = credentialTag({ key: 'secret-1' });
    expect(credentialTag({ key: 'secret-1' })).toBe(tag);
    expect(credentialTag({ key: 'secret-1', scheme: 'bearer' })).not.toBe(tag);
    expect(credentialTag({ key: 'secret-2' })).not.toBe(tag);
    const key = resourceKeys.deployments(['https://a.example', tag], 'P');
    expect(key).toEqual(['resource', 'https://a.example', tag, 'projects', 'P', 'deployments']);
    expect(JSON.stringify(key)).not.toContain('secret');
  });
});

describe('formatDay', () => {
  it('keeps a service date on its day in every time zone', () => {
    expect(formatDay('2027-09-25')).toMatch(/25/);
  });
});
