import type { LabelMode } from '../../service/model';
import { blobNameFor } from './blob-names';
import { hash53 } from './hash';
import { classNameProblem } from './naming-rules';

/**
 * What a run adds to its project: every document a reviewer corrected and, when gold labels are
 * included, every labelled document (a correction wins over the gold label). Each one becomes a
 * `.txt` blob and a line of the project file, in the Train or Test set.
 */

/** The service's limits for one document (characters) and for a project (classes). */
export const MIN_DOCUMENT_CHARACTERS = 1;
export const MAX_DOCUMENT_CHARACTERS = 128_000;
export const MAX_PROJECT_CLASSES = 200;
/** Share of a seeded split that goes to the test set. */
export const TEST_SHARE = 0.2;

export type Dataset = 'Train' | 'Test';
export type AddAs = Dataset | 'split';

interface SourceDocument {
  index: number;
  id: string;
  text: string;
  language?: string | undefined;
  labels?: readonly string[] | undefined;
}

interface SourceCorrection {
  index: number;
  labels: readonly string[];
}

export interface TrainingDocument {
  index: number;
  id: string;
  text: string;
  language?: string;
  labels: string[];
  /** Where the labels come from: a reviewer's correction, or the run's gold label. */
  from: 'correction' | 'gold';
  dataset: Dataset;
  /** The blob at the container's root that holds `text`. */
  location: string;
}

export interface LeftOut {
  id: string;
  reason: string;
}

export interface TrainingSet {
  documents: TrainingDocument[];
  leftOut: LeftOut[];
}

/** Labels as the project file takes them: single label keeps one; blanks and repeats dropped. */
function cleanLabels(labels: readonly string[], labelMode: LabelMode): string[] {
  const unique = [...new Set(labels.map((label) => label.trim()).filter(Boolean))];
  return labelMode === 'single' ? unique.slice(0, 1) : unique;
}

function whyLeftOut(text: string, labels: readonly string[]): string | undefined {
  if (text.length < MIN_DOCUMENT_CHARACTERS)
    return 'It is empty; the service trains on no empty document.';
  if (text.length > MAX_DOCUMENT_CHARACTERS)
    return `It has ${text.length.toLocaleString('en-US')} characters; the service takes at most ${MAX_DOCUMENT_CHARACTERS.toLocaleString('en-US')}.`;
  for (const label of labels) {
    const problem = classNameProblem(label);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The seeded split: documents ordered by a hash of the run and their ID, the first fifth (rounded)
 * to Test. The same run always splits the same way, whichever order its documents are listed in.
 */
export function seededSplit(runId: string, ids: readonly string[]): Map<string, Dataset> {
  const order = [...ids].sort(
    (a, b) => hash53(`${runId}\u0000${a}`) - hash53(`${runId}\u0000${b}`) || (a < b ? -1 : 1),
  );
  const testCount = Math.round(order.length * TEST_SHARE);
  return new Map(order.map((id, rank) => [id, rank < testCount ? 'Test' : 'Train']));
}

export function trainingSet(
  run: { id: string; labelMode: LabelMode },
  documents: readonly SourceDocument[],
  corrections: readonly SourceCorrection[],
  options: { includeGold: boolean; addAs: AddAs },
): TrainingSet {
  const corrected = new Map(corrections.map((correction) => [correction.index, correction.labels]));
  const chosen: Omit<TrainingDocument, 'dataset'>[] = [];
  const leftOut: LeftOut[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    const correction = corrected.get(document.index);
    const from = correction ? 'correction' : 'gold';
    const labels = cleanLabels(
      correction ?? (options.includeGold ? (document.labels ?? []) : []),
      run.labelMode,
    );
    if (labels.length === 0) continue;
    if (seen.has(document.id)) {
      leftOut.push({ id: document.id, reason: 'Another document of the run has the same ID.' });
      continue;
    }
    seen.add(document.id);
    const reason = whyLeftOut(document.text, labels);
    if (reason) {
      leftOut.push({ id: document.id, reason });
      continue;
    }
    chosen.push({
      index: document.index,
      id: document.id,
      text: document.text,
      ...(document.language ? { language: document.language } : {}),
      labels,
      from,
      location: blobNameFor(run.id, document.id),
    });
  }
  const split =
    options.addAs === 'split'
      ? seededSplit(
          run.id,
          chosen.map((document) => document.id),
        )
      : undefined;
  return {
    documents: chosen.map((document) => ({
      ...document,
      dataset: split?.get(document.id) ?? (options.addAs === 'split' ? 'Train' : options.addAs),
    })),
    leftOut,
  };
}

export interface TrainingSummary {
  documents: number;
  corrections: number;
  train: number;
  test: number;
  /** Every class the documents carry, sorted. */
  classes: string[];
  /** Those the project does not have yet; undefined until the project's classes are known. */
  newClasses: string[] | undefined;
  /** Classes the project would hold after the import, when known. */
  projectClassCount: number | undefined;
  tooManyClasses: boolean;
}

export function summarize(
  set: TrainingSet,
  projectClasses: readonly string[] | undefined,
): TrainingSummary {
  const classes = [...new Set(set.documents.flatMap((document) => document.labels))].sort();
  const known = projectClasses ? new Set(projectClasses) : undefined;
  const newClasses = known ? classes.filter((name) => !known.has(name)) : undefined;
  const projectClassCount = known && newClasses ? known.size + newClasses.length : undefined;
  return {
    documents: set.documents.length,
    corrections: set.documents.filter((document) => document.from === 'correction').length,
    train: set.documents.filter((document) => document.dataset === 'Train').length,
    test: set.documents.filter((document) => document.dataset === 'Test').length,
    classes,
    newClasses,
    projectClassCount,
    tooManyClasses: (projectClassCount ?? classes.length) > MAX_PROJECT_CLASSES,
  };
}
