import { formatPercent } from '../format-metric';

/** A 95% interval of a share, both ends 0..1. */
export interface Interval {
  low: number;
  high: number;
}

/** The 0.975 quantile of the standard normal distribution (scipy.stats.norm.ppf(0.975)). */
const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval of `successes` out of `trials` (Wilson 1927; Newcombe 1998, method 3),
 * without continuity correction: it stays inside 0..1 and is sound at 0 or n successes and small n,
 * where the normal (Wald) interval collapses. Undefined without trials.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z: number = Z_95,
): Interval | undefined {
  if (trials <= 0) return undefined;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // The exact ends at 0 or n successes, free of rounding.
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= trials ? 1 : Math.min(1, centre + half),
  };
}

/** "95% CI 72.0–90.7%", one decimal like the figure; empty without an interval. */
export function formatInterval(interval: Interval | undefined): string {
  if (!interval) return '';
  const low = formatPercent(interval.low).replace('%', '');
  return `95% CI ${low}–${formatPercent(interval.high)}`;
}

/** "83.3% (95% CI 72.0–90.7%)": a share with its interval. */
export function formatWithInterval(value: number, interval: Interval | undefined): string {
  return interval ? `${formatPercent(value)} (${formatInterval(interval)})` : formatPercent(value);
}

/** Below this many evaluated documents the figures are rough, and the page says so. */
export const ROUGH_BELOW = 30;
