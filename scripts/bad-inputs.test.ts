import { describe, expect, it } from 'vitest';
import { BAD_INPUTS, refusalsOf } from './bad-inputs';

describe('bad input is refused with a message, before anything is sent', () => {
  it('accepts the valid baseline', () => {
    expect(refusalsOf({ what: 'nothing wrong' })).toEqual([]);
  });

  it.each(BAD_INPUTS.map((input) => [input.what, input] as const))('%s', (_what, input) => {
    const refusals = refusalsOf(input);
    expect(refusals.length).toBeGreaterThan(0);
    for (const message of refusals) expect(message.length).toBeGreaterThan(10);
  });
});
