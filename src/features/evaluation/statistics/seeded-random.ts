/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, so a
 * bootstrap over the same documents shows the same interval each time the run is opened.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The one seed every bootstrap in the app starts from: the figures depend only on the documents. */
export const BOOTSTRAP_SEED = 20_190_619;
