import type { RunJob } from '../store/run-model';

/**
 * How long this resource's jobs take, learnt from the jobs it has finished (kept with the runs):
 * the service does not say when a job will end, but its own timestamps say how long each one took
 * (created → last update at completion), free of clock skew. Pure.
 */
export interface DurationSample {
  documents: number;
  characters: number;
  durationMs: number;
}

/** What a finished job teaches of the service's durations: only a job done, by the service's clock. */
export function durationSample(
  job: Pick<RunJob, 'documentIndexes' | 'characters' | 'outcome' | 'serviceDurationMs'>,
): DurationSample | undefined {
  if (job.outcome !== 'done' || job.serviceDurationMs === undefined) return undefined;
  return {
    documents: job.documentIndexes.length,
    characters: job.characters ?? 0,
    durationMs: job.serviceDurationMs,
  };
}

/** Fewer finished jobs than this and nothing is predicted: the usual schedule applies. */
export const MIN_SAMPLES = 3;
/** Only the most recent jobs count: a resource's speed changes with its load. */
const MAX_SAMPLES = 200;

/** When a job of a given size should end, and how sure that is. */
export interface DurationExpectation {
  /** Milliseconds from submission to completion, as the fit says. */
  expectedMs: number;
  /** How far off that may be, typically (one standard deviation, ms). */
  uncertaintyMs: number;
}

export interface DurationModel {
  /** Undefined while nothing is learnt. */
  predict: (documents: number, characters: number) => DurationExpectation | undefined;
  samples: number;
}

/**
 * The service stamps jobs in whole seconds (`…T09:26:53Z`), so a duration read from its stamps is
 * off by up to a second either way (the difference of two roundings: variance 1/6 s²), while the
 * job itself may keep to its size to the millisecond. Samples that are all whole seconds are taken
 * to be measured so; that noise is taken out of the spread, and only averages out of the fit.
 */
function measurementVariance(samples: readonly DurationSample[]): number {
  const wholeSeconds = samples.every((sample) => sample.durationMs % 1000 === 0);
  return wholeSeconds ? 1000 ** 2 / 6 : 0;
}

/** Solves the 3×3 system `a · x = b` (Gaussian elimination); undefined when it is singular. */
function solve3(a: number[][], b: number[]): number[] | undefined {
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let row = col + 1; row < 3; row++) {
      if (Math.abs(m[row]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = row;
    }
    const pivotRow = m[pivot];
    const current = m[col];
    if (!pivotRow || !current || Math.abs(pivotRow[col] ?? 0) < 1e-9) return undefined;
    m[pivot] = current;
    m[col] = pivotRow;
    for (let row = 0; row < 3; row++) {
      const target = m[row];
      if (row === col || !target) continue;
      const factor = (target[col] ?? 0) / (pivotRow[col] ?? 1);
      for (let k = col; k < 4; k++) target[k] = (target[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[3] ?? 0) / (row[i] ?? 1));
}

/**
 * A least-squares line through the samples: duration ≈ base + perDocument · documents +
 * perKiloCharacter · characters / 1000, lightly regularised so that a few jobs of one size still
 * give the mean rather than a wild slope. Predictions stay within the durations seen (± half).
 */
export function learnDurations(all: readonly DurationSample[]): DurationModel {
  const samples = all.slice(-MAX_SAMPLES).filter((sample) => sample.durationMs > 0);
  if (samples.length < MIN_SAMPLES) return { predict: () => undefined, samples: samples.length };
  const xs = samples.map((sample) => [1, sample.documents, sample.characters / 1000] as const);
  const ridge = [0, 1e-3 * samples.length, 1e-3 * samples.length];
  const ata = [0, 1, 2].map((i) =>
    [0, 1, 2].map(
      (j) =>
        xs.reduce((sum, x) => sum + (x[i] ?? 0) * (x[j] ?? 0), 0) + (i === j ? (ridge[i] ?? 0) : 0),
    ),
  );
  const atb = [0, 1, 2].map((i) =>
    xs.reduce((sum, x, n) => sum + (x[i] ?? 0) * (samples[n]?.durationMs ?? 0), 0),
  );
  const mean = samples.reduce((sum, sample) => sum + sample.durationMs, 0) / samples.length;
  const fit = solve3(ata, atb) ?? [mean, 0, 0];
  const [base = mean, perDocument = 0, perKilo = 0] = fit;
  const fitted = (documents: number, characters: number) =>
    base + perDocument * documents + (perKilo * characters) / 1000;
  const squares = samples.reduce(
    (sum, sample) => sum + (sample.durationMs - fitted(sample.documents, sample.characters)) ** 2,
    0,
  );
  // How far jobs stray from the fit on their own (their stamps' rounding taken out), and how far
  // the fit itself may be off for this job: more for a size unlike those seen, or few samples.
  const noise = measurementVariance(samples);
  const own = Math.max(0, squares / samples.length - noise);
  const low = Math.min(...samples.map((sample) => sample.durationMs)) * 0.5;
  const high = Math.max(...samples.map((sample) => sample.durationMs)) * 1.5;
  return {
    samples: samples.length,
    predict: (documents, characters) => {
      const x = [1, documents, characters / 1000];
      const leverage = (solve3(ata, x) ?? [1 / samples.length, 0, 0]).reduce(
        (sum, value, i) => sum + value * (x[i] ?? 0),
        0,
      );
      return {
        expectedMs: Math.round(Math.min(high, Math.max(low, fitted(documents, characters)))),
        uncertaintyMs: Math.round(Math.sqrt(own + (own + noise) * Math.max(0, leverage))),
      };
    },
  };
}

/** Polls around the expected end come this close together at most, and at least… */
const MIN_STEP_MS = 50;
const MAX_STEP_MS = 200;
/** …and end this many uncertainties after it, when the usual schedule takes over. */
const WINDOW_AFTER = 2;
/** A cap on the polls of one job in that window, whatever its uncertainty. */
export const MAX_CLOSE_POLLS = 8;

/** How often to poll around the expected end: half the uncertainty, within bounds. */
export function closePollStep(uncertaintyMs: number): number {
  return Math.round(Math.min(MAX_STEP_MS, Math.max(MIN_STEP_MS, uncertaintyMs / 2)));
}

export interface PollContext {
  /** How many polls this job has had. */
  polls: number;
  /** The usual schedule, by time since submission. */
  fallback: (elapsedMs: number) => number;
  /** Never sooner than the service asked. */
  retryAfterMs?: number | undefined;
  /** The service is refusing requests (pacing learnt its rate): every poll costs a submit's place. */
  requestsScarce?: boolean;
}

/** While requests are scarce: once when the job is most likely over, then a few times more. */
const SCARCE_CLOSE_POLLS = 3;

/**
 * When to ask about a job next, given when it should end: first one uncertainty before the
 * expected end, then every half uncertainty (50–200 ms) until two uncertainties after it, then
 * the usual schedule (`fallback`). So a resource whose jobs keep to their size gets its answer a
 * few tens of ms after the end at the cost of a poll or two, and an erratic one is not hammered.
 * While requests are scarce (429s), the first poll waits until the job is most likely over
 * (two uncertainties after), and a few more follow 200 ms apart: polls then cost throughput.
 * Without an expectation, the usual schedule.
 */
export function predictivePollDelay(
  elapsedMs: number,
  expectation: DurationExpectation | undefined,
  { polls, fallback, retryAfterMs = 0, requestsScarce = false }: PollContext,
): number {
  if (expectation === undefined) return Math.max(fallback(elapsedMs), retryAfterMs);
  const { expectedMs, uncertaintyMs } = expectation;
  const last = expectedMs + WINDOW_AFTER * uncertaintyMs;
  const first = requestsScarce ? last : Math.max(0, expectedMs - uncertaintyMs);
  let wait: number;
  if (elapsedMs < first) wait = first - elapsedMs;
  else if (requestsScarce)
    wait =
      polls < SCARCE_CLOSE_POLLS && elapsedMs < last + SCARCE_CLOSE_POLLS * MAX_STEP_MS
        ? MAX_STEP_MS
        : fallback(elapsedMs);
  else if (elapsedMs < last && polls < MAX_CLOSE_POLLS) wait = closePollStep(uncertaintyMs);
  else wait = fallback(elapsedMs);
  return Math.max(wait, retryAfterMs);
}
