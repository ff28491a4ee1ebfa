/** Results a new list may hold per millisecond of wait: 10,000 a second. */
const RESULTS_PER_MS = 10;
/** However many results, the table catches up at least this often. */
const MAX_WAIT_MS = 5_000;
/** A frame: a run of usual size shows each job's results as they arrive. */
export const EMIT_EVERY_MS = 16;

/**
 * How long a new list of a run's results waits after the last one: `baseMs`, or longer once many
 * results are held, since every list costs the page work (and garbage) in proportion to its length:
 * a 100,000-document run re-indexed every second kept the page busy and its heap high. A list
 * after a quiet spell goes at once (see run-results-feed.ts): the wait counts from the last one.
 */
export function emitEvery(baseMs: number, held: number): number {
  if (baseMs === 0) return 0;
  return Math.max(baseMs, Math.min(MAX_WAIT_MS, held / RESULTS_PER_MS));
}
