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

/** Fewer finished jobs than this and nothing is predicted: the usual schedule applies. */
export const MIN_SAMPLES = 3;
/** Only the most recent jobs count: a resource's speed changes with its load. */
const MAX_SAMPLES = 200;

export interface DurationModel {
  /**
   * Milliseconds from submission by which a job of this size is most likely over (the fit plus
   * a margin for how far this resource's jobs stray from it), or undefined while nothing is learnt.
   */
  predict: (documents: number, characters: number) => number | undefined;
  samples: number;
  /** How far the jobs' durations stray from the fit, typically (root mean square, ms). */
  spreadMs: number;
}

const MIN_MARGIN_MS = 25;
const MAX_MARGIN_MS = 1_000;

/**
 * How long after the fitted end to look: twice the typical error, so that most jobs are over by
 * then, yet never less than a loopback round trip of slack nor more than a second. A resource whose
 * jobs keep to their size is polled right at the end; an erratic one, later, with fewer misses.
 */
export function pollMargin(spreadMs: number): number {
  return Math.round(Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, 2 * spreadMs)));
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
  if (samples.length < MIN_SAMPLES)
    return { predict: () => undefined, samples: samples.length, spreadMs: 0 };
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
  const spreadMs = Math.sqrt(squares / samples.length);
  const margin = pollMargin(spreadMs);
  const low = Math.min(...samples.map((sample) => sample.durationMs)) * 0.5;
  const high = Math.max(...samples.map((sample) => sample.durationMs)) * 1.5;
  return {
    samples: samples.length,
    spreadMs,
    predict: (documents, characters) =>
      Math.round(Math.min(high, Math.max(low, fitted(documents, characters))) + margin),
  };
}

/** A job not over when expected is asked again this often, a few times, before the usual back-off. */
export const CLOSE_POLL_MS = 100;
const CLOSE_POLLS = 5;

/**
 * When to ask about a job next, given when it is most likely over (`expectedMs`, margin
 * included): once then, then a few quick polls, then the usual schedule (`fallback`). Without an
 * expectation, the usual schedule. `polls` is how many polls this job has had.
 */
export function predictivePollDelay(
  elapsedMs: number,
  expectedMs: number | undefined,
  polls: number,
  fallback: (elapsedMs: number) => number,
  retryAfterMs = 0,
): number {
  if (expectedMs === undefined) return fallback(elapsedMs);
  let wait: number;
  if (elapsedMs < expectedMs) wait = expectedMs - elapsedMs;
  else if (polls < CLOSE_POLLS) wait = CLOSE_POLL_MS;
  else wait = fallback(elapsedMs);
  return Math.max(wait, retryAfterMs);
}
