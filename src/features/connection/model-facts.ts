import { expiryStatus, type ClassEvaluation, type ExpiryStatus } from '../../service/authoring';
import { formatConfidence } from '../../lib/format';
import { formatDay } from './resource-names';

/** Figures of one class, from training or from a labelled run. */
export interface ClassFigures {
  precision: number;
  recall: number;
  f1: number;
}

export type LiveFigures = Readonly<Record<string, ClassFigures>>;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExpiryNotice {
  status: ExpiryStatus;
  text: string;
}

/** "The deployment expires on 25 Sept 2027 (in 12 days)." with its status, from a service date. */
export function expiryNotice(
  what: 'model' | 'deployment',
  date: string,
  now: number,
): ExpiryNotice {
  const status = expiryStatus(date, now);
  const day = formatDay(date);
  // Calendar days, as people count them: a date 12 days ahead is "in 12 days" at any hour today.
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  const days = Math.max(0, Math.round((at - (now - (now % DAY_MS))) / DAY_MS));
  const subject = what === 'model' ? 'The model' : 'The deployment';
  if (status === 'expired') {
    return {
      status,
      text: `${subject} expired on ${day}: the service no longer serves it. Train or deploy a newer model.`,
    };
  }
  if (status === 'soon') {
    return {
      status,
      text: `${subject} expires on ${day} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}).`,
    };
  }
  return { status, text: `${subject} expires on ${day}.` };
}

/** A share as the evaluation panel writes it: "91.2%". */
export const formatMetric = formatConfidence;

/** Live minus training, in percentage points with a sign: "+3.1 pt", "−12.0 pt", "±0.0 pt". */
export function formatDelta(training: number, live: number): string {
  const points = Math.round((live - training) * 1000) / 10;
  if (points === 0) return '±0.0 pt';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pt`;
}

export interface ClassRow {
  name: string;
  training: ClassEvaluation;
  live: ClassFigures | undefined;
}

/** One row per class the training evaluation knows, in its order, with the live figures beside. */
export function classRows(
  classes: Readonly<Record<string, ClassEvaluation>>,
  live: LiveFigures | undefined,
): ClassRow[] {
  return Object.entries(classes).map(([name, training]) => ({
    name,
    training,
    live: live?.[name],
  }));
}

/** The classes of a confusion matrix, actual and predicted alike, in first-seen order. */
export function matrixLabels(
  matrix: Readonly<Record<string, Readonly<Record<string, number>>>>,
): string[] {
  const labels = new Set<string>();
  for (const [actual, row] of Object.entries(matrix)) {
    labels.add(actual);
    for (const predicted of Object.keys(row)) labels.add(predicted);
  }
  return [...labels];
}
