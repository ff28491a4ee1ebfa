import type { FailureKind } from '../../../service/errors';
import type {
  ApiVersion,
  ClassScore,
  DetectedLanguage,
  LabelMode,
  ResultProblem,
  ServiceProblem,
  ServiceWarning,
} from '../../../service/model';
import type { ImproveStep, ImproveStepRecord } from '../../../service/improvement-steps';

/**
 * A run: one set of documents classified once with one model. It is the unit the app is built
 * on, and it lives in IndexedDB (see runs-db.ts): the settings it was sent with, its documents,
 * the service jobs that carry them and every result as it arrives. Never the key.
 */
export interface RunSettings {
  /** The endpoint as the browser calls it (through the local proxy, a path on the app's origin). */
  endpoint: string;
  /** The endpoint as the user typed it, to fill the form again. */
  resourceEndpoint: string;
  useProxy: boolean;
  apiVersion: ApiVersion;
  labelMode: LabelMode;
  projectName: string;
  deploymentName: string;
  modelId: string;
  language: string;
  jobName: string;
}

/** What the user asked of the run; how far it got is derived from its jobs. */
export type RunIntent = 'run' | 'paused' | 'cancelled';

export interface Run {
  id: string;
  createdAt: number;
  name: string;
  settings: RunSettings;
  documentCount: number;
  /** Whether the documents carry gold labels (from an imported label column). */
  labelled: boolean;
  /** Where the documents came from: "the text box" or a file name. */
  source: string;
  /** Documents no job can hold: reported, never sent. */
  oversized: { id: string; characters: number }[];
  intent: RunIntent;
  /** The confidence threshold the analyst chose for this run (0 to 1; unset means 0). */
  threshold?: number;
}

export interface RunDocument {
  runId: string;
  /** Input order, from 0. */
  index: number;
  id: string;
  text: string;
  language?: string;
  /** Gold label(s) from the import, as written. */
  labels?: string[];
  /** The file's other columns or fields by name (a source, a customer, …): never sent. */
  metadata?: Record<string, string>;
}

/**
 * - queued: not sent yet.
 * - sending: the POST may be on its way. Found like this after a reload, it becomes `unsure`.
 * - unsure: the POST left but no answer came; the user decides whether to send it again.
 * - sent: the service accepted it; it is polled until it finishes.
 * - refused: the service refused the submission (never accepted, safe to send again).
 * - finished: the service says it is done, failed or cancelled; its results are saved.
 * - cancelled: the user cancelled the run before it was sent.
 * - expired: the service no longer keeps it (24 h) and it never finished here.
 */
export const RUN_JOB_STATES = [
  'queued',
  'sending',
  'unsure',
  'sent',
  'refused',
  'finished',
  'cancelled',
  'expired',
] as const;

export type RunJobState = (typeof RUN_JOB_STATES)[number];

export interface RunJob {
  runId: string;
  index: number;
  /** Indexes of the run's documents this job carries, in order. */
  documentIndexes: number[];
  firstId: string;
  lastId: string;
  /** Characters of its documents (string length), to predict how long it takes. */
  characters?: number;
  state: RunJobState;
  jobUrl?: string;
  jobId?: string;
  /** The service's status word, as last seen. */
  status?: string;
  /** done | failed | cancelled, once finished. */
  outcome?: 'done' | 'failed' | 'cancelled';
  submittedAt?: number;
  finishedAt?: number;
  /** How long the service took, by its own clock (created → last update), once done. */
  serviceDurationMs?: number;
  /** Why it was refused, failed or expired, in words. */
  error?: string;
  /** Set when the service's results pages could not all be read: the results are incomplete. */
  resultsCut?: { pages: number; truncatedBy?: 'page-limit' | 'repeated-link' };
  /** What went wrong, as the service layer classified it, to explain it like every other failure. */
  failure?: JobFailure;
  /** Documents of this job that came back with an error (or all of them, for a failed job). */
  failedDocuments?: number;
}

export interface RunResult {
  runId: string;
  index: number;
  id: string;
  classes: ClassScore[];
  /** What the service detected, from the versions that detect languages. */
  detectedLanguage?: DetectedLanguage;
  warnings: ServiceWarning[];
  error?: ServiceProblem;
  /** What did not make sense in the service's answer (a confidence outside [0, 1], a repeated id). */
  problems?: ResultProblem[];
}

/** A ServiceError as it can be stored (IndexedDB keeps data, not class instances). */
export interface JobFailure {
  kind: FailureKind;
  message: string;
  status?: number;
  problem?: ServiceProblem;
}

/** A reviewer's label for a document, replacing its gold label (kept apart: documents never change). */
export interface RunCorrection {
  runId: string;
  index: number;
  id: string;
  labels: string[];
}

/** Everything one run is made of, as a run file carries it (see features/runs/file). */
export interface WholeRun {
  run: Run;
  documents: RunDocument[];
  jobs: RunJob[];
  results: RunResult[];
  corrections: RunCorrection[];
}

/**
 * A run's improvement of its project: each step's job (so a reload follows it again and sends
 * nothing twice) and the project file exported before the import, to roll back with. Never the
 * key or the SAS URL.
 */
export interface RunImprovement {
  runId: string;
  /** The project file as exported before this run's import (kept as the service wrote it). */
  previousProject?: { file: unknown; exportedAt: number; projectName: string };
  /** The merged project file that was (or is being) imported. */
  importedProject?: unknown;
  steps: Partial<Record<ImproveStep, ImproveStepRecord>>;
}
