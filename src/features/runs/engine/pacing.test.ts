import { describe, expect, it } from 'vitest';
import { initialPacing, isPaced, takeRequest, throttled, type Pacing } from './pacing';

const T0 = 1_700_000_000_000;

/** Sends `count` requests at `now`, as fast as pacing lets them go at that instant. */
function sendAt(pacing: Pacing, now: number, count: number): { pacing: Pacing; sent: number } {
  let current = pacing;
  let sent = 0;
  for (let request = 0; request < count; request++) {
    const answer = takeRequest(current, now);
    current = answer.pacing;
    if (answer.waitMs > 0) break;
    sent++;
  }
  return { pacing: current, sent };
}

describe('takeRequest before any 429', () => {
  it('lets every request go at once, however many', () => {
    let pacing = initialPacing();
    for (let request = 0; request < 100; request++) {
      const answer = takeRequest(pacing, T0);
      expect(answer.waitMs).toBe(0);
      pacing = answer.pacing;
    }
    expect(pacing.rate).toBeUndefined();
  });
});

describe('isPaced', () => {
  it('is false until the service refuses a request, then true', () => {
    expect(isPaced(initialPacing())).toBe(false);
    expect(isPaced(throttled(initialPacing(), 1_000, 5_000))).toBe(true);
  });
});

describe('throttled', () => {
  /** Ten requests a second for two seconds, then a 429. */
  function afterSteadyTenPerSecond(retryAfterMs: number | undefined): {
    pacing: Pacing;
    at: number;
  } {
    let pacing = initialPacing();
    let at = T0;
    for (let request = 0; request < 20; request++) {
      pacing = takeRequest(pacing, at).pacing;
      at += 100;
    }
    return { pacing: throttled(pacing, retryAfterMs, at), at };
  }

  it('waits the Retry-After before anything leaves', () => {
    const { pacing, at } = afterSteadyTenPerSecond(3_000);
    expect(takeRequest(pacing, at).waitMs).toBe(3_000);
    expect(takeRequest(pacing, at + 2_000).waitMs).toBe(1_000);
  });

  it('waits a second when the service gives no Retry-After', () => {
    const { pacing, at } = afterSteadyTenPerSecond(undefined);
    expect(takeRequest(pacing, at).waitMs).toBe(1_000);
  });

  it('learns a rate below what was being sent', () => {
    const { pacing } = afterSteadyTenPerSecond(1_000);
    expect(pacing.rate).toBeDefined();
    expect(pacing.rate).toBeLessThan(10);
    expect(pacing.rate).toBeGreaterThan(7);
  });

  it('spends tokens at the learnt rate once the pause is over', () => {
    const { pacing: learnt, at } = afterSteadyTenPerSecond(1_000);
    const rate = learnt.rate ?? 0;
    let pacing = learnt;
    let now = at + 1_000;
    let sent = 0;
    // Ask every 10 ms for 5 s: what leaves is the learnt rate (it grows a little meanwhile).
    for (; now < at + 6_000; now += 10) {
      const answer = takeRequest(pacing, now);
      pacing = answer.pacing;
      if (answer.waitMs === 0) sent++;
    }
    expect(sent).toBeGreaterThanOrEqual(Math.floor(rate * 5) - 1);
    expect(sent).toBeLessThanOrEqual(Math.ceil((rate + 0.6) * 5) + 1);
  });

  it('asks to wait for the next token, not a fixed time', () => {
    const { pacing: learnt, at } = afterSteadyTenPerSecond(1_000);
    const rate = learnt.rate ?? 0;
    const answer = takeRequest(learnt, at + 1_000);
    expect(answer.waitMs).toBeGreaterThan(0);
    expect(answer.waitMs).toBeLessThanOrEqual(Math.ceil(1_000 / rate));
    expect(takeRequest(answer.pacing, at + 1_000 + answer.waitMs).waitMs).toBe(0);
  });

  it('grows slowly while the service is calm', () => {
    const { pacing, at } = afterSteadyTenPerSecond(1_000);
    const learnt = pacing.rate ?? 0;
    const later = takeRequest(pacing, at + 11_000).pacing;
    const grown = (later.rate ?? 0) - learnt;
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThan(learnt * 0.25);
  });

  it('cuts once for a burst of 429s', () => {
    const { pacing: once, at } = afterSteadyTenPerSecond(1_000);
    const burst = throttled(
      throttled(throttled(once, 1_000, at + 10), 1_000, at + 50),
      2_000,
      at + 200,
    );
    expect(burst.rate).toBe(once.rate);
    // The longest Retry-After of the burst still holds.
    expect(burst.pausedUntil).toBe(at + 2_200);
  });

  it('cuts again for a 429 that comes later', () => {
    const { pacing: once, at } = afterSteadyTenPerSecond(1_000);
    const { pacing: sending } = sendAt(once, at + 3_000, 10);
    const again = throttled(sending, 1_000, at + 3_000);
    expect(again.rate).toBeLessThan(once.rate ?? 0);
  });

  it('a rate already learnt caps what a later measurement says', () => {
    const { pacing: once, at } = afterSteadyTenPerSecond(1_000);
    // Nothing was sent lately (only polls elsewhere): the learnt rate, cut, is the evidence.
    const again = throttled(once, 1_000, at + 30_000);
    expect(again.rate).toBeLessThan((once.rate ?? 0) + 3);
    expect(again.rate).toBeGreaterThan(0);
  });

  it('a first 429 after a burst at the start does not learn a rate far below the limit', () => {
    // Six requests leave at once; the sixth is refused by a service that allows 5/s, burst 5.
    const { pacing } = sendAt(initialPacing(), T0, 6);
    const learnt = throttled(pacing, 1_000, T0);
    expect(learnt.rate).toBeGreaterThan(4);
  });
});

/** The service's own bucket: `rate` per second, `burst` deep. */
function serviceBucket(rate: number, burst: number) {
  let tokens = burst;
  let refilledAt = T0;
  return (now: number): boolean => {
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * A few senders, each sending again as soon as its last request is answered, against a
 * service that allows 5 requests/s (burst 5) and answers 429 with Retry-After: 1 (whole seconds).
 */
function simulate(accepted: number, senders: number, latencyMs: number, retryAfterMs: number) {
  const allow = serviceBucket(5, 5);
  let pacing = initialPacing();
  const readyAt = Array.from({ length: senders }, () => T0);
  let done = 0;
  let requests = 0;
  let refused = 0;
  let lastAnswer = T0;
  while (done < accepted) {
    const sender = readyAt.indexOf(Math.min(...readyAt));
    const now = readyAt[sender] ?? T0;
    const answer = takeRequest(pacing, now);
    pacing = answer.pacing;
    if (answer.waitMs > 0) {
      readyAt[sender] = now + answer.waitMs;
      continue;
    }
    requests++;
    const ok = allow(now + latencyMs / 2);
    const answeredAt = now + latencyMs;
    readyAt[sender] = answeredAt;
    if (ok) {
      done++;
      lastAnswer = answeredAt;
    } else {
      refused++;
      pacing = throttled(pacing, retryAfterMs, answeredAt);
    }
  }
  return { refusedShare: refused / requests, rate: accepted / ((lastAnswer - T0) / 1000) };
}

describe('pacing against a service that allows 5 requests/s', () => {
  it.each([
    { senders: 1, latencyMs: 0 },
    { senders: 4, latencyMs: 0 },
    { senders: 4, latencyMs: 100 },
    { senders: 12, latencyMs: 150 },
  ])(
    '300 requests from $senders sender(s), $latencyMs ms away: few 429s, near the limit',
    (setup) => {
      const { refusedShare, rate } = simulate(300, setup.senders, setup.latencyMs, 1_000);
      expect(refusedShare).toBeLessThan(0.05);
      expect(rate).toBeGreaterThanOrEqual(0.85 * 5);
    },
  );

  it('holds over 2,000 requests too', () => {
    const { refusedShare, rate } = simulate(2_000, 4, 100, 1_000);
    expect(refusedShare).toBeLessThan(0.05);
    expect(rate).toBeGreaterThanOrEqual(0.9 * 5);
  });
});
