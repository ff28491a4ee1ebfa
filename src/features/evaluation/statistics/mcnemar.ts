/**
 * McNemar's exact test (two-sided): under "the runs are equally good", each of the `n = b + c`
 * discordant documents (right in one run only) is right in this run with probability 1/2, so
 * b ~ Binomial(n, 1/2) and p = min(1, 2 · P(X ≤ min(b, c))). No discordant pair gives p = 1.
 * Equals scipy.stats.binomtest(b, b + c, 0.5).pvalue (the distribution is symmetric).
 */
export function mcnemarExact(onlyThis: number, onlyOther: number): number {
  const n = onlyThis + onlyOther;
  if (n === 0) return 1;
  const k = Math.min(onlyThis, onlyOther);
  if (2 * k === n) return 1;
  // log C(n, k) − n·ln 2: the largest term of the lower tail, computed in logs so 100,000
  // discordant pairs do not underflow.
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log(n - k + i) - Math.log(i);
  const logTop = logChoose - n * Math.LN2;
  // The tail as a multiple of its top term: pmf(i − 1) / pmf(i) = i / (n − i + 1).
  let term = 1;
  let sum = 1;
  for (let i = k; i > 0; i--) {
    term *= i / (n - i + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.min(1, 2 * Math.exp(logTop + Math.log(sum)));
}

/**
 * A p-value in words: "0.031" with `decimals` digits; "< 0.001" when it would round to zero.
 * With two decimals, a value near 0.05 gets three so "0.05" never hides which side it is on.
 */
export function formatPValue(p: number, decimals: number): string {
  const floor = 10 ** -3;
  if (p < floor) return '< 0.001';
  let digits = decimals;
  const rounded = Number(p.toFixed(digits));
  if (rounded === 0 || (rounded === 0.05 && p !== 0.05)) digits = 3;
  return `= ${p.toFixed(digits)}`;
}

/** Below this p-value the difference is called real. */
const SIGNIFICANCE = 0.05;

/**
 * The verdict in words: "staging is better on these documents (p = 0.03)" or
 * "no significant difference (p = 0.42)".
 */
export function differenceSentence(
  p: number,
  onlyThis: number,
  onlyOther: number,
  names: { thisRun: string; otherRun: string },
): string {
  const written = `p ${formatPValue(p, 2)}`;
  if (p >= SIGNIFICANCE || onlyThis === onlyOther) return `no significant difference (${written})`;
  const better = onlyThis > onlyOther ? names.thisRun : names.otherRun;
  return `${better} is better on these documents (${written})`;
}
