import { describe, expect, it } from 'vitest';
import { getDomain } from './registrable-domain';

describe('the registrable domain MSW asks for', () => {
  it('is the last two labels of a host, and nothing for a bare name', () => {
    expect(getDomain('demo.classify-console.invalid')).toBe('classify-console.invalid');
    expect(getDomain('classify-console.invalid.')).toBe('classify-console.invalid');
    expect(getDomain('localhost')).toBeNull();
  });
});
