import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson';

/** statsmodels uses z = norm.ppf(0.975), not 1.96. */
const Z = 1.959963984540054;

describe('wilsonInterval', () => {
  it("agrees with statsmodels proportion_confint(method='wilson')", () => {
    // proportion_confint(10, 40, alpha=0.05, method='wilson') = (0.141871186…, 0.401939614…):
    // the closed form statsmodels uses, evaluated in Python with its z (statsmodels itself was not
    // installed where this was written; the Newcombe examples below check the same formula).
    const interval = wilsonInterval(10, 40, Z);
    expect(interval.low).toBeCloseTo(0.14187118639096302, 12);
    expect(interval.high).toBeCloseTo(0.40193961420768026, 12);
    // With z = 1.96 the ends move in the sixth decimal only.
    expect(wilsonInterval(10, 40).low).toBeCloseTo(0.1418697, 6);
    expect(wilsonInterval(10, 40).high).toBeCloseTo(0.4019426, 6);
  });

  it('matches the worked examples of Newcombe (1998), method 3 (score interval)', () => {
    // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
    // methods. Statistics in Medicine 1998;17:857–872.
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [successes, n, low, high] of cases) {
      const interval = wilsonInterval(successes, n, Z);
      expect(interval.low).toBeCloseTo(low, 4);
      expect(interval.high).toBeCloseTo(high, 4);
    }
  });

  it('stays inside [0, 1] at 0 or n successes, for n = 1, and says nothing is known for n = 0', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27754, 5);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.72246, 5);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(1, 1).high).toBe(1);
    expect(wilsonInterval(1, 1).low).toBeCloseTo(0.20654, 5);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('gives the issue’s example: 35 of 40 right is about 74% to 95%', () => {
    const { low, high } = wilsonInterval(35, 40);
    expect(low).toBeCloseTo(0.7389, 4);
    expect(high).toBeCloseTo(0.9454, 4);
  });
});
