import type { DocumentResult, LabelMode } from '../../service/model';

/** One document of the run, in input order: its result with what the run knows about it. */
export interface ResultItem {
  result: DocumentResult;
  /** The text that was sent. */
  text: string;
  /** Gold label(s) from the import, as written; several for multi-label. */
  labels?: readonly string[];
  /** The reviewer's label(s), replacing the gold label(s). */
  correction?: readonly string[];
  /** The document's own language, when its file gave one (else the run's). */
  language?: string;
  /** The file's other columns or fields by name, for slices and exports. */
  metadata?: Readonly<Record<string, string>>;
}

/** What the evaluation found about one document, shown in its row. */
export interface ResultMark {
  /** The prediction differs from the (corrected) label. */
  mismatch?: boolean;
  /** The confidence threshold took the class (single label) or some class (multi label) away. */
  belowThreshold?: boolean;
}

/** A subset of documents picked elsewhere (a confusion-matrix cell, "Mismatches only", …). */
export interface ResultsFocus {
  /** Says what the subset is: "12 documents labelled Billing, predicted Account". */
  description: string;
  ids: ReadonlySet<string>;
  /** Put these documents first, in the set's order, and keep the others after them. */
  first?: boolean;
}

/** Another run of the same documents, to show its classes beside this run's. */
export interface ResultsCompare {
  name: string;
  classOf: ReadonlyMap<string, readonly string[]>;
}

/** What the run was sent with, for the exports' header. Never the key. */
export interface ResultsRunSettings {
  runName: string;
  /** The endpoint the jobs ran on; only its host is written. */
  endpoint: string;
  jobIds: readonly string[];
  projectName: string;
  /** The deployment, or for the API versions that take one, the model ID. */
  deploymentName?: string;
  modelId?: string;
  apiVersion: string;
  labelMode: LabelMode;
  /** When the run was created, epoch milliseconds. */
  ranAt: number;
  /** The confidence threshold, 0 to 1. */
  threshold: number;
}

/** Classes the threshold keeps: the top class (single label) or every class (multi) at or above it. */
export function keptClasses(
  result: DocumentResult,
  labelMode: LabelMode,
  threshold: number,
): string[] {
  if (result.error) return [];
  const candidates = labelMode === 'single' ? result.classes.slice(0, 1) : result.classes;
  return candidates.filter((score) => score.confidence >= threshold).map((s) => s.category);
}
