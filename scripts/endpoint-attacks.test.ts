import { describe, expect, it } from 'vitest';
import { endpointAndLinkAttacks } from './endpoint-attacks';

describe('the endpoint and shared-link attacks of `npm run reliability`', () => {
  it('are all refused (the snippets’ own attacks run in snippets-run.test.ts)', () => {
    const lines = endpointAndLinkAttacks();
    expect(lines.length).toBeGreaterThanOrEqual(15);
    expect(lines.filter((entry) => !entry.startsWith('refused'))).toEqual([]);
  });
});
