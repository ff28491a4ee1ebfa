import { useEffect, useState } from 'react';

/** The longest the evaluation trails the results while a run fills. */
const MOST_MS = 2_000;

/**
 * How long the evaluation of a filling run waits between two refreshes. Each refresh reads every
 * document again (the curve, the marks, the statistics worker's copy), so the wait grows with the
 * run: 0.1 ms a document, at most 2 s. A 10,000-document run was evaluated ~500 times (once per
 * job) and spent ~12 s of its 90 s on it; now ~90 times. The rows themselves are not held.
 */
export function evaluationRefreshMs(documents: number): number {
  return Math.min(MOST_MS, Math.max(0, documents / 10));
}

/**
 * `items` as the evaluation should see them: while `filling`, refreshed at most every
 * `evaluationRefreshMs`, the newest ones taken when the wait is up (a stream of results never
 * starves it); once the run has stopped filling, at once.
 */
export function usePacedItems<T extends readonly unknown[]>(items: T, filling: boolean): T {
  const [held, setHeld] = useState({ items, at: -Infinity });
  useEffect(() => {
    if (!filling || held.items === items) return;
    const due = held.at + evaluationRefreshMs(items.length) - performance.now();
    const timer = setTimeout(() => setHeld({ items, at: performance.now() }), Math.max(0, due));
    return () => clearTimeout(timer);
  }, [items, filling, held]);
  return filling ? held.items : items;
}
