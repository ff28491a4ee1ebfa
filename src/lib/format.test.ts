import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '1 KB'],
    [300, '1 KB'],
    [412 * 1024, '412 KB'],
    [1023 * 1024, '1,023 KB'],
    [1024 * 1024, '1.0 MB'],
    [4.24 * 1024 ** 2, '4.2 MB'],
    [50 * 1024 ** 2 + 1, '50 MB'],
    [900 * 1024 ** 2, '900 MB'],
    [1500 * 1024 ** 2, '1.5 GB'],
    [2 * 1024 ** 3, '2.0 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatCount', () => {
  it.each([0, 7, -7, 999, 1000, -1000, 12_345, 125_000, 1_234_567, -98_765_432, 2 ** 53 - 1, 1.5])(
    '%d reads as en-US groups it',
    (value) => {
      expect(formatCount(value)).toBe(new Intl.NumberFormat('en-US').format(value));
    },
  );
});
