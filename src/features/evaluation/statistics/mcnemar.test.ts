import { describe, expect, it } from 'vitest';
import { differenceSentence, formatPValue, mcnemarExact } from './mcnemar';

// Reference values: scipy 1.17.1, scipy.stats.binomtest(b, b + c, 0.5).pvalue (two-sided exact).
describe('mcnemarExact', () => {
  it.each([
    [1, 7, 0.0703125],
    [2, 8, 0.109375],
    [3, 0, 0.25],
    [5, 7, 0.7744140625],
    [10, 30, 0.0022214337732293643],
    [20, 40, 0.01348929373119186],
    [3, 17, 0.0025768280029296875],
    [40, 60, 0.05688793364098089],
  ])('b = %i, c = %i matches scipy', (b, c, p) => {
    expect(mcnemarExact(b, c)).toBeCloseTo(p, 12);
    expect(mcnemarExact(c, b)).toBeCloseTo(p, 12);
  });

  it('gives p = 1 without discordant pairs, and when they split evenly', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(6, 6)).toBe(1);
    // scipy: binomtest(0, 1).pvalue = 1 and binomtest(2, 3).pvalue = 1
    expect(mcnemarExact(0, 1)).toBe(1);
    expect(mcnemarExact(2, 1)).toBeCloseTo(1, 12);
  });

  it('does not underflow on 10,000 discordant pairs (scipy: binomtest(4000, 10000) = 1.74e-89)', () => {
    const p = mcnemarExact(4_000, 6_000);
    expect(p / 1.7404316412268293e-89).toBeCloseTo(1, 6);
  });
});

describe('the verdict in words', () => {
  const names = { thisRun: 'staging', otherRun: 'production' };

  it('names the better run when p < 0.05', () => {
    expect(differenceSentence(0.031, 9, 2, names)).toBe(
      'staging is better on these documents (p = 0.03)',
    );
    expect(differenceSentence(0.0004, 1, 14, names)).toBe(
      'production is better on these documents (p < 0.001)',
    );
  });

  it('says no significant difference otherwise', () => {
    expect(differenceSentence(0.42, 5, 3, names)).toBe('no significant difference (p = 0.42)');
    expect(differenceSentence(1, 0, 0, names)).toBe('no significant difference (p = 1.00)');
  });

  it('writes p with the digits asked, and never rounds a significant one to 0.05', () => {
    expect(formatPValue(0.0307, 3)).toBe('= 0.031');
    expect(formatPValue(0.0496, 2)).toBe('= 0.050');
    expect(formatPValue(0.004, 2)).toBe('= 0.004');
  });
});
