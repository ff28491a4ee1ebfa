/**
 * Client-side pacing: how many requests may leave, and when, for one endpoint. The service does
 * not publish its rate; it answers 429 with Retry-After when it is exceeded. Pacing learns the
 * rate from those answers (multiplicative decrease on a 429, slow additive increase while calm),
 * and a token bucket spends it, so that few requests are refused and none wait needlessly.
 * Pure: every function takes the state and the time and returns the next state.
 */
export interface Pacing {
  /** Requests per second the service seems to allow; undefined until the first 429. */
  rate: number | undefined;
  tokens: number;
  refilledAt: number;
  /** Nothing leaves before this (the service's Retry-After). */
  pausedUntil: number;
  lastThrottleAt: number;
  /** The rate at which the service last refused: growth slows down as it comes near. */
  ceiling: number | undefined;
  /** When each recent request left, to measure the rate that was refused. */
  recent: number[];
}

const WINDOW_MS = 2_000;
/** A 429 cuts the rate to this share of what was being sent. */
const DECREASE = 0.85;
/** While no 429 comes, the rate grows by this much per second, back towards the last refusal… */
const INCREASE_PER_SECOND = 0.4;
/** …and only this slowly once near it (the limit may have been raised; probing costs a 429). */
const PROBE_PER_SECOND = 0.02;
/** "Near" the last refusal: above this share of it. */
const NEAR_CEILING = 0.92;
/** One burst of 429s is one signal: the rate is cut once per this long. */
const THROTTLE_WINDOW_MS = 1_000;
const MIN_RATE = 0.2;
/** A bucket this deep lets a short burst go at once, as the service's own bucket does. */
const BURST_SECONDS = 1;

export function initialPacing(): Pacing {
  // Never throttled: a clock that starts near 0 must not read as "throttled at 0".
  return {
    rate: undefined,
    tokens: 0,
    refilledAt: 0,
    pausedUntil: 0,
    lastThrottleAt: Number.NEGATIVE_INFINITY,
    ceiling: undefined,
    recent: [],
  };
}

function refill(pacing: Pacing, now: number): Pacing {
  if (pacing.rate === undefined || now <= pacing.refilledAt) return pacing;
  const calmSeconds = Math.max(
    0,
    (now - Math.max(pacing.refilledAt, pacing.lastThrottleAt)) / 1000,
  );
  const near = pacing.ceiling === undefined ? Infinity : pacing.ceiling * NEAR_CEILING;
  let rate = pacing.rate;
  if (rate < near) rate = Math.min(near, rate + calmSeconds * INCREASE_PER_SECOND);
  else rate += calmSeconds * PROBE_PER_SECOND;
  const capacity = Math.max(1, rate * BURST_SECONDS);
  const tokens = Math.min(capacity, pacing.tokens + ((now - pacing.refilledAt) / 1000) * rate);
  return { ...pacing, rate, tokens, refilledAt: now };
}

/** Whether the service has refused requests (a rate is learnt): each one sent then costs time. */
export function isPaced(pacing: Pacing): boolean {
  return pacing.rate !== undefined;
}

/** Asks to send one request: either it may go now (and is counted), or wait this many ms first. */
export function takeRequest(
  pacing: Pacing,
  now: number,
): { pacing: Pacing; waitMs: 0 } | { pacing: Pacing; waitMs: number } {
  if (now < pacing.pausedUntil) return { pacing, waitMs: pacing.pausedUntil - now };
  const refilled = refill(pacing, now);
  const recent = refilled.recent.filter((at) => at > now - WINDOW_MS);
  recent.push(now);
  if (refilled.rate === undefined) return { pacing: { ...refilled, recent }, waitMs: 0 };
  if (refilled.tokens >= 1) {
    return { pacing: { ...refilled, tokens: refilled.tokens - 1, recent }, waitMs: 0 };
  }
  return { pacing: refilled, waitMs: Math.ceil(((1 - refilled.tokens) / refilled.rate) * 1000) };
}

/** The service answered 429: wait what it asks, and send slower from now on. */
export function throttled(pacing: Pacing, retryAfterMs: number | undefined, now: number): Pacing {
  const pausedUntil = Math.max(pacing.pausedUntil, now + (retryAfterMs ?? 1_000));
  if (now - pacing.lastThrottleAt < THROTTLE_WINDOW_MS) return { ...pacing, pausedUntil };
  const recent = pacing.recent.filter((at) => at > now - WINDOW_MS);
  // Over the time the requests took (a burst at the start fills less than the window), at least 1 s.
  const spanMs = Math.min(WINDOW_MS, Math.max(1_000, now - (recent[0] ?? now)));
  const measured = recent.length / (spanMs / 1000);
  const learnt = refill(pacing, now).rate;
  // What was being sent is the best evidence of the limit; a rate already learnt caps it.
  const current =
    learnt === undefined ? measured : measured > 0 ? Math.min(learnt, measured) : learnt;
  const rate = Math.max(MIN_RATE, current * DECREASE);
  return {
    ...pacing,
    rate,
    ceiling: current,
    tokens: 0,
    refilledAt: pausedUntil,
    pausedUntil,
    lastThrottleAt: now,
  };
}

/** The user pressed Retry now: the service's wait is cut short, and one request may leave at once. */
export function retriedNow(pacing: Pacing, now: number): Pacing {
  return {
    ...pacing,
    pausedUntil: Math.min(pacing.pausedUntil, now),
    refilledAt: Math.min(pacing.refilledAt, now),
    tokens: Math.max(pacing.tokens, 1),
  };
}
