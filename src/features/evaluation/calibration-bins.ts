import type { CalibrationBin } from './statistics/calibration';

/** "[0.2, 0.3)", and "[0.9, 1.0]" for the last bin, which holds 1.0. */
export function binName(bin: CalibrationBin): string {
  const close = bin.high >= 1 ? ']' : ')';
  return `[${bin.low.toFixed(1)}, ${bin.high.toFixed(1)}${close}`;
}
