import { describe, expect, it } from 'vitest';
import { RENDER_AT_ONCE_UP_TO, rendersAtOnce } from './results-render';

describe('rendersAtOnce', () => {
  it.each([
    [0, true],
    [1, true],
    [25, true],
    [RENDER_AT_ONCE_UP_TO, true],
    [RENDER_AT_ONCE_UP_TO + 1, false],
    [10_000, false],
  ])('%i results: at once %s', (count, expected) => {
    expect(rendersAtOnce(count)).toBe(expected);
  });
});
