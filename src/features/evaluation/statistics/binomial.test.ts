import { describe, expect, it } from 'vitest';
import { binomial, multinomialInto } from './binomial';
import { seededRandom } from './seeded-random';

/** P(X = k) for X ~ Binomial(n, p), from log-gamma-free products (n is small here). */
function pmf(n: number, p: number, k: number): number {
  let choose = 1;
  for (let i = 1; i <= k; i++) choose = (choose * (n - k + i)) / i;
  return choose * p ** k * (1 - p) ** (n - k);
}

/** Pearson's χ² of `draws` samples against the exact pmf, over the cells expected ≥ 5 times. */
function chiSquare(n: number, p: number, draws: number, seed: number) {
  const random = seededRandom(seed);
  const observed = new Float64Array(n + 1);
  for (let i = 0; i < draws; i++) {
    const k = binomial(random, n, p);
    observed[k] = (observed[k] ?? 0) + 1;
  }
  let statistic = 0;
  let cells = 0;
  for (let k = 0; k <= n; k++) {
    const expected = draws * pmf(n, p, k);
    if (expected < 5) continue;
    statistic += ((observed[k] ?? 0) - expected) ** 2 / expected;
    cells += 1;
  }
  return { statistic, degrees: cells - 1 };
}

describe('binomial', () => {
  it.each([
    // n·p < 10: inversion; n·p ≥ 10: transformed rejection; p > 0.5: by symmetry.
    { n: 20, p: 0.1 },
    { n: 200, p: 0.03 },
    { n: 100, p: 0.3 },
    { n: 500, p: 0.5 },
    { n: 60, p: 0.85 },
  ])('follows the exact distribution for n = $n, p = $p (χ² test)', ({ n, p }) => {
    // A million draws: enough for a 1% error in the rejection step's rarer branch to show.
    const { statistic, degrees } = chiSquare(n, p, 1_000_000, 11);
    // The χ² 99.9th percentile is below degrees + 4.5 √(2 degrees) for these degrees of freedom.
    expect(statistic).toBeLessThan(degrees + 4.5 * Math.sqrt(2 * degrees));
  });

  it('has mean n·p and variance n·p·(1 − p) for a large n', () => {
    const random = seededRandom(3);
    const n = 100_000;
    const p = 0.2;
    const draws = Array.from({ length: 20_000 }, () => binomial(random, n, p));
    const mean = draws.reduce((sum, k) => sum + k, 0) / draws.length;
    const variance = draws.reduce((sum, k) => sum + (k - mean) ** 2, 0) / (draws.length - 1);
    expect(mean).toBeCloseTo(n * p, -1);
    expect(variance / (n * p * (1 - p))).toBeCloseTo(1, 1);
  });

  it('gives 0 or n at the edges, and never leaves 0…n', () => {
    const random = seededRandom(5);
    expect(binomial(random, 10, 0)).toBe(0);
    expect(binomial(random, 10, 1)).toBe(10);
    expect(binomial(random, 0, 0.5)).toBe(0);
    for (let i = 0; i < 5_000; i++) {
      const k = binomial(random, 12, 0.45);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThanOrEqual(12);
    }
  });
});

describe('multinomialInto', () => {
  it('shares all n trials, in proportion to the weights on average, the same for the same seed', () => {
    const weights = Float64Array.from([5, 0, 1, 94]);
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      const sums = new Float64Array(4);
      const counts = new Float64Array(4);
      for (let i = 0; i < 2_000; i++) {
        multinomialInto(random, 100, weights, counts);
        expect(counts.reduce((sum, c) => sum + c, 0)).toBe(100);
        counts.forEach((count, kind) => (sums[kind] = (sums[kind] ?? 0) + count));
      }
      return Array.from(sums, (sum) => sum / 2_000);
    };
    const means = draw(9);
    expect(means[0]).toBeCloseTo(5, 0);
    expect(means[1]).toBe(0);
    expect(means[2]).toBeCloseTo(1, 0);
    expect(means[3]).toBeCloseTo(94, 0);
    expect(draw(9)).toEqual(means);
  });
});
