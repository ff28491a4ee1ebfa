/** The one normalised model every API generation is turned into; the UI sees nothing else. */

import type { ApiVersion } from './api-profiles';

/** The versions and what differs between them are in api-profiles.ts. */
export type { ApiVersion };
export type LabelMode = 'single' | 'multi';

/** `key`: an `Ocp-Apim-Subscription-Key`; `bearer`: a Microsoft Entra access token. */
export type AuthScheme = 'key' | 'bearer';

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

export interface DocumentResult {
  id: string;
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

export interface TaskCounts {
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
