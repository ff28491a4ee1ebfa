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
  /** Expected milliseconds from submission to completion, or undefined while nothing is learnt. */
  predict: (documents: number, characters: number) => number | undefined;
  samples: number;
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
  const low = Math.min(...samples.map((sample) => sample.durationMs)) * 0.5;
  const high = Math.max(...samples.map((sample) => sample.durationMs)) * 1.5;
  return {
    samples: samples.length,
    predict: (documents, characters) => {
      const [base = mean, perDocument = 0, perKilo = 0] = fit;
      const value = base + perDocument * documents + (perKilo * characters) / 1000;
      return Math.round(Math.min(high, Math.max(low, value)));
    },
  };
}

/** A job is polled this long after its expected end: the answer is then most likely final. */
export const AFTER_EXPECTED_MS = 60;
/** Then this often, a few times, before the usual back-off takes over. */
const CLOSE_POLL_MS = 200;
const CLOSE_POLLS = 5;

/**
 * When to ask about a job next, given its expected duration: once just after the expected end,
 * then a few quick polls, then the usual schedule (`fallback`). Without an expectation, the
 * usual schedule. `polls` is how many polls this job has had.
 */
export function predictivePollDelay(
  elapsedMs: number,
  expectedMs: number | undefined,
  polls: number,
  fallback: (elapsedMs: number) => number,
  retryAfterMs = 0,
): number {
  if (expectedMs === undefined) return fallback(elapsedMs);
  const due = expectedMs + AFTER_EXPECTED_MS;
  let wait: number;
  if (elapsedMs < due) wait = due - elapsedMs;
  else if (polls < CLOSE_POLLS) wait = CLOSE_POLL_MS;
  else wait = fallback(elapsedMs);
  return Math.max(wait, retryAfterMs);
}
