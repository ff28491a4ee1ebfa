/** The one normalised model every API generation is turned into; the UI sees nothing else. */

export const GA_API_VERSIONS = ['2023-04-01', '2022-05-01', '2024-11-01'] as const;
export const SEED_API_VERSION = 'v3.1-preview.ct.1';
export const API_VERSIONS = [...GA_API_VERSIONS, SEED_API_VERSION] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export type LabelMode = 'single' | 'multi';

export function isSeedApi(version: ApiVersion): boolean {
  return version === SEED_API_VERSION;
}

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

export interface DocumentResult {
  id: string;
  /** Highest confidence first. */
  classes: ClassScore[];
  warnings: ServiceWarning[];
  error?: ServiceProblem;
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
