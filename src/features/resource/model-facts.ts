import { expiryStatus, type ClassEvaluation, type ExpiryStatus } from '../../service/authoring';
import { formatConfidence } from '../../lib/format';
import { formatDay } from './resource-names';

/** Figures of one class, from training or from a labelled run. */
export interface ClassFigures {
  precision: number;
  recall: number;
  f1: number;
}

/** By class name: a Map, since a run may hold thousands of classes and a new one comes often. */
export type LiveFigures = ReadonlyMap<string, ClassFigures>;

const DAY_MS = 24 * 60 * 60 * 1000;

interface ExpiryNotice {
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

interface ClassRow {
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
    live: live?.get(name),
  }));
}

/** The classes of a confusion matrix, actual and predicted alike: `order` first, then as first seen. */
export function matrixLabels(
  matrix: Readonly<Record<string, Readonly<Record<string, number>>>>,
  order: readonly string[] = [],
): string[] {
  const labels = new Set<string>();
  for (const [actual, row] of Object.entries(matrix)) {
    labels.add(actual);
    for (const predicted of Object.keys(row)) labels.add(predicted);
  }
  // The service writes the matrix's classes in an order of its own: the per-class table's comes
  // first, so a class is in the same place in both.
  const first = order.filter((name) => labels.has(name));
  const placed = new Set(first);
  return [...first, ...[...labels].filter((name) => !placed.has(name))];
}

/** Microsoft's notices; the app will outlive Language Studio, so both are said. */
export const RETIREMENTS = {
  customTextClassification: {
    date: '2029-03-31',
    text: 'Custom text classification retires on 2029-03-31',
    url: 'https://learn.microsoft.com/azure/ai-services/language-service/custom-text-classification/overview',
  },
  languageStudio: {
    date: '2027-03-20',
    text: 'Language Studio retires on 2027-03-20',
    url: 'https://learn.microsoft.com/azure/ai-services/language-service/language-studio',
  },
} as const;

interface ConfigVersionExpiry {
  /** A date, `2027-09-25`. */
  expiresOn: string;
}

/**
 * When models of a training config version expire, from the service's own list; a version the
 * list no longer has has been retired, which the user must hear as much as an expired one.
 */
export function configVersionNotice(
  configVersion: string,
  versions: readonly (ConfigVersionExpiry & { version: string })[],
  now: number,
): ExpiryNotice {
  const listed = versions.find((item) => item.version === configVersion);
  if (!listed) {
    return {
      status: 'expired',
      text: `The service no longer lists training config version ${configVersion}: it has been retired. Train the model again with a current version.`,
    };
  }
  const status = expiryStatus(listed.expiresOn, now);
  const day = formatDay(listed.expiresOn);
  if (status === 'expired') {
    return {
      status,
      text: `Training config version ${configVersion} expired on ${day}: train the model again with a current version.`,
    };
  }
  return {
    status,
    text: `Training config version ${configVersion} expires on ${day}; models trained with it stop being served then.`,
  };
}

/** The project's own threshold in words, and whether the run already judges by it. */
export function projectThresholdFacts(
  threshold: number,
  runThreshold: number | undefined,
): { text: string; applied: boolean } {
  return {
    text: `The project's confidence threshold is ${formatMetric(threshold)}: below it the service itself predicts None.`,
    applied: runThreshold !== undefined && Math.abs(runThreshold - threshold) < 1e-9,
  };
}
