/**
 * Exact binomial variates from a uniform stream, for the bootstrap: resampling n documents with
 * replacement is a multinomial draw over the kinds of document, and a multinomial is a chain of
 * binomials. Hand-written because the libraries at hand sum n Bernoulli draws when n·p is small
 * (@stdlib's `random-base-binomial`), which costs O(n) for each rare kind instead of O(n·p).
 */

/** Stirling's tail, log k! − [(k + ½) log(k + 1) − (k + 1) + ½ log 2π], tabulated below 10. */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.020790672103765, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273,
  0.00833056343336287,
];

function stirlingTail(k: number): number {
  const tabulated = STIRLING_TAIL[k];
  if (tabulated !== undefined) return tabulated;
  const k1 = k + 1;
  const k1sq = k1 * k1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / k1sq) / k1sq) / k1;
}

/** Inversion (Kachitvichyanukul & Schmeiser's BINV): O(n·p) uniforms, for n·p < 10. */
function byInversion(random: () => number, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  for (;;) {
    let r = q ** n;
    let u = random();
    let x = 0;
    while (u > r) {
      u -= r;
      x += 1;
      // Rounding can leave u above the whole mass: start again rather than return a k above n.
      if (x > n) break;
      r *= a / x - s;
    }
    if (x <= n) return x;
  }
}

/**
 * Transformed rejection with squeeze (Hörmann 1993, "The generation of binomial random variates",
 * algorithm BTRS, as TensorFlow's binomial op writes it): about 2.5 uniforms a draw, for n·p ≥ 10.
 */
function byRejection(random: () => number, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / q;
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(n - m) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/** A Binomial(n, p) variate: successes in n trials of probability p. */
export function binomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(random, n, 1 - p);
  return n * p < 10 ? byInversion(random, n, p) : byRejection(random, n, p);
}

/**
 * A multinomial draw of `n` trials over kinds weighted by `weights` (counts, summing to `total`),
 * written into `into`: each kind in turn takes a binomial share of the trials still left, with its
 * weight over the weight still left (the chain rule of the multinomial).
 */
export function multinomialInto(
  random: () => number,
  n: number,
  weights: ArrayLike<number>,
  into: Float64Array,
): void {
  let trialsLeft = n;
  let weightLeft = 0;
  for (const weight of Array.from(weights)) weightLeft += weight;
  for (let kind = 0; kind < weights.length; kind++) {
    const weight = weights[kind] ?? 0;
    const drawn =
      trialsLeft > 0 && weight > 0 ? binomial(random, trialsLeft, weight / weightLeft) : 0;
    into[kind] = drawn;
    trialsLeft -= drawn;
    weightLeft -= weight;
  }
}
