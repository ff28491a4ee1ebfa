export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval of a proportion (`successes` of `n`), 95% by default. Unlike the plain
 * p ± z·SE it stays inside [0, 1] and is sensible at 0 or n successes and for small n. With no
 * documents (n = 0) nothing is known: [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Rounding can put an end a hair outside [0, 1] at 0 or n successes.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
