/** The one normalised model every API generation is turned into; the UI sees nothing else. */

import type { ApiVersion } from './api-versions';

/** The versions are named in api-versions.ts; what differs between them is in api-profiles.ts. */
export type { ApiVersion };
export type LabelMode = 'single' | 'multi';

/** `key`: an `Ocp-Apim-Subscription-Key`; `bearer`: a Microsoft Entra access token. */
export type AuthScheme = 'key' | 'bearer';

/**
 * What a version adds to the analyze-text job, per the REST specification (authoring-contract.md
 * B.1). The previews after 2024-11-01 return the language they detected and take a default for it;
 * the GA versions of the same years do not. One row per version in api-profiles.ts says which.
 */
export interface VersionFeatures {
  /** Result documents may carry `detectedLanguage` (documents sent with `language: "auto"`). */
  detectedLanguage: boolean;
  /** The job takes `defaultLanguage`, used for documents whose language is detected. */
  defaultLanguage: boolean;
  /** The job takes `cancelAfter` (seconds). The app does not send it: see the README. */
  cancelAfter: boolean;
}

export const NO_FEATURES: VersionFeatures = {
  detectedLanguage: false,
  defaultLanguage: false,
  cancelAfter: false,
};

export interface InputDocument {
  id: string;
  text: string;
  /** Overrides the job's language for this document (from an imported file). */
  language?: string;
}

export interface ModelChoice {
  apiVersion: ApiVersion;
  labelMode: LabelMode;
  projectName: string;
  deploymentName: string;
  modelId: string;
}

export interface JobInput extends ModelChoice {
  /** Normalised endpoint: an origin without a trailing slash. */
  endpoint: string;
  language: string;
  jobName: string;
  documents: InputDocument[];
}

export type JobPhase = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ClassScore {
  category: string;
  confidence: number;
}

export interface ServiceProblem {
  code: string;
  message: string;
  /** The deepest inner error, which usually says what is really wrong. */
  innerCode?: string;
  innerMessage?: string;
  target?: string;
}

export interface ServiceWarning {
  code: string;
  message: string;
}

/** Something in a result that makes no sense: flagged, never shown or exported as if it were data. */
export type ResultProblem =
  /** A confidence outside [0, 1] or not finite, left out of `classes`; `received` as the service sent it. */
  | { kind: 'invalid-confidence'; category: string; received: string }
  /** The same document id appears more than once in the job's results. */
  | { kind: 'duplicate-id' };

/**
 * The language the service detected for a document (preview versions, documents sent with
 * `language: "auto"`). The specification sends `{name, iso6391Name, confidenceScore}`; a bare
 * code string is also read, since which shape live services send is unconfirmed.
 */
export interface DetectedLanguage {
  /** ISO 639-1 code as the service gives it, e.g. `en`; what slicing and exports key on. */
  code: string;
  /** The service's name for it, e.g. `English`, when it sends one. */
  name?: string;
  /** 0 to 1, when the service sends one. */
  confidence?: number;
}

export interface DocumentResult {
  id: string;
  /** Only from versions that detect languages, for documents whose language was detected. */
  detectedLanguage?: DetectedLanguage;
  /** Highest confidence first; only confidences in [0, 1] (the others are in `problems`). */
  classes: ClassScore[];
  warnings: ServiceWarning[];
  error?: ServiceProblem;
  /** Present only when something is wrong with this result. */
  problems?: ResultProblem[];
}

/** A confidence the app shows and exports: a finite number in [0, 1]. */
export function isValidConfidence(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}

interface TaskCounts {
  completed: number;
  failed: number;
  inProgress: number;
  total: number;
}

export interface JobSnapshot {
  jobId: string;
  displayName?: string;
  /** The status word exactly as the service sent it. */
  status: string;
  phase: JobPhase;
  tasks: TaskCounts;
  documents: DocumentResult[];
  /** Job-level errors, each failed task's reason among them. */
  errors: ServiceProblem[];
  createdAt?: string;
  updatedAt?: string;
  expiresAt?: string;
  nextLink?: string;
}

export function isFinished(phase: JobPhase): boolean {
  return phase === 'done' || phase === 'failed' || phase === 'cancelled';
}
