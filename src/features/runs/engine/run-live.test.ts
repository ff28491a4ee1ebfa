import { describe, expect, it } from 'vitest';
import { hasUsableKey, IDLE_LIVE } from './run-live';

describe('hasUsableKey', () => {
  it.each([
    { elsewhere: false, waitingForKey: false, keyInForm: true, usable: true },
    { elsewhere: false, waitingForKey: true, keyInForm: true, usable: false },
    { elsewhere: false, waitingForKey: false, keyInForm: false, usable: false },
    // Another tab drives the run: its key counts, whatever this page has.
    { elsewhere: true, waitingForKey: true, keyInForm: false, usable: true },
  ])(
    'elsewhere $elsewhere, waiting $waitingForKey, key in form $keyInForm: $usable',
    ({ elsewhere, waitingForKey, keyInForm, usable }) => {
      expect(hasUsableKey({ ...IDLE_LIVE, elsewhere, waitingForKey }, keyInForm)).toBe(usable);
    },
  );

  it('takes the key as there when no form is asked (the page header)', () => {
    expect(hasUsableKey(IDLE_LIVE)).toBe(true);
  });
});
