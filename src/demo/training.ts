import type { LabelMode } from '../service/model';
import { classify } from './classifier';
import { multiLabelEvaluation, singleLabelEvaluation } from './demo-evaluation';

/**
 * What `:train` makes of a project: which documents train and which test, why training fails, and
 * the model, which remembers every document it was given (so a relabelled document is predicted
 * with its new label) and is evaluated on the held-out ones without that memory.
 */

export interface TrainingDocument {
  location: string;
  dataset?: 'Train' | 'Test' | undefined;
  labels: readonly string[];
  text: string;
}

export type EvaluationOptions =
  | { kind: 'percentage'; trainingSplitPercentage: number; testingSplitPercentage: number }
  | { kind: 'manual' };

export const MIN_TRAINING_DOCUMENTS = 10;

/** Whitespace and case do not make two documents different to the model. */
export const memoryKey = (text: string) =>
  text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** FNV-1a of the location, 0–99: the same document always falls on the same side of a split. */
function bucketOf(location: string): number {
  let hash = 0x811c9dc5;
  for (const char of location) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 100;
}

export function isTestDocument(document: TrainingDocument, options: EvaluationOptions): boolean {
  if (options.kind === 'manual') return document.dataset === 'Test';
  return bucketOf(document.location) < options.testingSplitPercentage;
}

/** The job error a training run ends with, or undefined when it can train. */
export function trainingProblem(
  documents: readonly TrainingDocument[],
  classes: readonly string[],
  options: EvaluationOptions,
): { code: string; message: string } | undefined {
  const labelled = documents.filter((document) => document.labels.length > 0);
  const training = labelled.filter((document) => !isTestDocument(document, options));
  if (training.length < MIN_TRAINING_DOCUMENTS) {
    return {
      code: 'InvalidRequest',
      message: `Training needs at least ${MIN_TRAINING_DOCUMENTS} labelled documents in the training set; the project has ${training.length}.`,
    };
  }
  const untrained = classes.filter(
    (name) => !training.some((document) => document.labels.includes(name)),
  );
  if (untrained.length > 0) {
    return {
      code: 'InvalidRequest',
      message: `Every class needs at least one labelled document in the training set. Without one: ${untrained.join(', ')}.`,
    };
  }
  if (
    options.kind === 'manual' &&
    !labelled.some((document) => isTestDocument(document, options))
  ) {
    return {
      code: 'InvalidRequest',
      message: "Manual evaluation needs at least one labelled document with dataset 'Test'.",
    };
  }
  return undefined;
}

/** The evaluation summary, from predictions on the test documents by the model without its memory. */
export function evaluate(
  documents: readonly TrainingDocument[],
  classes: readonly string[],
  labelMode: LabelMode,
  options: EvaluationOptions,
) {
  const tests = documents.filter(
    (document) => document.labels.length > 0 && isTestDocument(document, options),
  );
  const testing =
    options.kind === 'percentage'
      ? options.testingSplitPercentage
      : Math.round((tests.length / Math.max(1, documents.length)) * 100);
  const withOptions = <T extends object>(summary: T) => ({
    ...summary,
    evaluationOptions:
      options.kind === 'manual'
        ? { kind: 'manual' }
        : {
            kind: 'percentage',
            trainingSplitPercentage: options.trainingSplitPercentage,
            testingSplitPercentage: options.testingSplitPercentage,
          },
  });
  if (labelMode === 'single') {
    const rows = classes.map(() => classes.map(() => 0));
    for (const document of tests) {
      const actual = classes.indexOf(document.labels[0] ?? '');
      const predicted = classes.indexOf(
        classify(classes, document.text, 'single')[0]?.category ?? '',
      );
      const row = rows[actual];
      if (row && predicted >= 0) row[predicted] = (row[predicted] ?? 0) + 1;
    }
    return withOptions(singleLabelEvaluation(classes, rows, testing));
  }
  const perClass = Object.fromEntries(
    classes.map((name): [string, [number, number, number]] => [name, [0, 0, 0]]),
  );
  for (const document of tests) {
    const predicted = new Set(
      classify(classes, document.text, 'multi').map((item) => item.category),
    );
    for (const name of classes) {
      const counts = perClass[name];
      if (!counts) continue;
      const expected = document.labels.includes(name);
      if (expected && predicted.has(name)) counts[0]++;
      else if (predicted.has(name)) counts[1]++;
      else if (expected) counts[2]++;
    }
  }
  return withOptions(multiLabelEvaluation(perClass, tests.length, testing));
}

/** Every labelled document's text → its labels: the model's memory. */
export function memoryOf(documents: readonly TrainingDocument[]): [string, string[]][] {
  return documents
    .filter((document) => document.labels.length > 0)
    .map((document) => [memoryKey(document.text), [...document.labels]]);
}
