import type { ProjectDocument, ProjectFile } from '../../service/project-file';
import { MAX_PROJECT_CLASSES, type TrainingDocument } from './training-set';

/**
 * `:import` replaces the whole project, so what is imported is the exported project with this
 * run's documents merged in: every document and label the project held stays; a new document is
 * added; a document the project already holds (the same blob) changes its label only where this
 * run's reviewer corrected it. Importing the same run twice adds nothing twice.
 */

export type ChangeKind = 'added' | 'relabelled' | 'unchanged';

export interface ProjectChange {
  kind: ChangeKind;
  id: string;
  location: string;
  dataset: string | undefined;
  /** The project's labels before, for a relabelled or unchanged document. */
  before?: string[];
  after: string[];
}

export interface ProjectMerge {
  project: ProjectFile;
  changes: ProjectChange[];
  counts: Record<ChangeKind, number>;
  /** Documents the project held before and holds after (it never loses one). */
  documentsBefore: number;
  documentsAfter: number;
  newClasses: string[];
  classCount: number;
  /** Why the merged project cannot be imported, or undefined. */
  blocked?: string;
}

const MULTI = 'CustomMultiLabelClassification';

/** A document's labels as the project file has them (`class` single label, `classes` multi). */
export function labelsOf(document: ProjectDocument): string[] {
  if (document.classes) return document.classes.map((item) => item.category);
  return document.class ? [document.class.category] : [];
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((label) => set.has(label));
}

function withLabels(document: ProjectDocument, labels: string[], multi: boolean): ProjectDocument {
  if (multi) return { ...document, classes: labels.map((category) => ({ category })) };
  const [first = ''] = labels;
  return { ...document, class: { category: first } };
}

/**
 * A document's own language in a multilingual project; otherwise (or when it asked for detection)
 * the project's, which a monolingual project requires of every document.
 */
function languageOf(addition: TrainingDocument, metadata: ProjectFile['metadata']): string {
  const own = addition.language?.trim();
  if (!metadata.multilingual || !own || own.toLowerCase() === 'auto') return metadata.language;
  return own;
}

/** The run's documents merged into the exported project; `exported` itself is left as it was. */
export function mergeProject(
  exported: ProjectFile,
  additions: readonly TrainingDocument[],
): ProjectMerge {
  const multi = exported.metadata.projectKind === MULTI;
  const assets = exported.assets ?? { projectKind: exported.metadata.projectKind };
  const documents = [...(assets.documents ?? [])];
  const byLocation = new Map<string, number>();
  documents.forEach((document, position) => {
    if (document.location !== undefined) byLocation.set(document.location, position);
  });
  const classes = [...(assets.classes ?? [])];
  const classNames = new Set(classes.map((item) => item.category));
  for (const document of documents) for (const label of labelsOf(document)) classNames.add(label);
  const newClasses: string[] = [];
  const changes: ProjectChange[] = [];

  for (const addition of additions) {
    for (const label of addition.labels) {
      if (classNames.has(label)) continue;
      classNames.add(label);
      newClasses.push(label);
      classes.push({ category: label });
    }
    const position = byLocation.get(addition.location);
    if (position === undefined) {
      const document = withLabels(
        {
          location: addition.location,
          language: languageOf(addition, exported.metadata),
          dataset: addition.dataset,
        },
        addition.labels,
        multi,
      );
      byLocation.set(addition.location, documents.length);
      documents.push(document);
      changes.push({
        kind: 'added',
        id: addition.id,
        location: addition.location,
        dataset: addition.dataset,
        after: addition.labels,
      });
      continue;
    }
    const current = documents[position];
    if (!current) continue;
    const before = labelsOf(current);
    // A gold label never overrides what the project holds: only a reviewer's correction does.
    const relabel = addition.from === 'correction' && !sameLabels(before, addition.labels);
    if (relabel) documents[position] = withLabels(current, addition.labels, multi);
    changes.push({
      kind: relabel ? 'relabelled' : 'unchanged',
      id: addition.id,
      location: addition.location,
      dataset: current.dataset,
      before,
      after: relabel ? addition.labels : before,
    });
  }

  // A class the documents use but the class list lacked is added too, so the file is consistent.
  for (const name of classNames) {
    if (!classes.some((item) => item.category === name)) classes.push({ category: name });
  }
  const counts = { added: 0, relabelled: 0, unchanged: 0 };
  for (const change of changes) counts[change.kind] += 1;
  const blocked =
    classes.length > MAX_PROJECT_CLASSES
      ? `The project would have ${classes.length} classes; the service allows at most ${MAX_PROJECT_CLASSES}.`
      : undefined;
  return {
    project: { ...exported, assets: { ...assets, classes, documents } },
    changes,
    counts,
    documentsBefore: assets.documents?.length ?? 0,
    documentsAfter: documents.length,
    newClasses,
    classCount: classes.length,
    ...(blocked ? { blocked } : {}),
  };
}
