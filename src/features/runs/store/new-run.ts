import type { BatchPlan } from '../../../service/batching';
import type { InputDocument } from '../../../service/model';
import type { Run, RunDocument, RunJob, RunSettings } from './run-model';

/** A submit: what the run is made of before anything is stored. */

export type RunInputDocument = InputDocument & {
  labels?: string[];
  metadata?: Record<string, string>;
};

export interface NewRun {
  settings: RunSettings;
  documents: RunInputDocument[];
  plan: BatchPlan;
  source: string;
}

export function defaultRunName(settings: RunSettings, documentCount: number): string {
  if (settings.jobName) return settings.jobName;
  const model = settings.apiVersion.startsWith('v')
    ? settings.modelId.replace(/_(Single|Multi)Classification_latest$/, '')
    : `${settings.projectName}/${settings.deploymentName}`;
  return `${model} · ${documentCount.toLocaleString('en-US')} doc${documentCount === 1 ? '' : 's'}`;
}

export interface NewRunRows {
  run: Run;
  jobs: RunJob[];
  documents: RunDocument[];
}

/**
 * The rows a new run is stored as. Made once: the repository stores them, and the run's runner
 * starts from the same objects in memory, so the first POST need not wait to read them back.
 */
export function newRunRows(
  { settings, documents, plan, source }: NewRun,
  runId: string = crypto.randomUUID(),
  now: number = Date.now(),
): NewRunRows {
  const indexById = new Map<string, number>();
  documents.forEach((document, index) => indexById.set(document.id, index));
  const jobs: RunJob[] = plan.jobs.map((jobDocuments, index) => ({
    runId,
    index,
    documentIndexes: jobDocuments.map((document) => indexById.get(document.id) ?? -1),
    firstId: jobDocuments[0]?.id ?? '',
    lastId: jobDocuments.at(-1)?.id ?? '',
    characters: jobDocuments.reduce((sum, document) => sum + document.text.length, 0),
    state: 'queued',
  }));
  const rows: RunDocument[] = documents.map((document, index) => ({
    runId,
    index,
    id: document.id,
    text: document.text,
    ...(document.language ? { language: document.language } : {}),
    ...(document.labels && document.labels.length > 0 ? { labels: document.labels } : {}),
    ...(document.metadata ? { metadata: document.metadata } : {}),
  }));
  const run: Run = {
    id: runId,
    createdAt: now,
    name: defaultRunName(settings, documents.length),
    settings,
    documentCount: documents.length,
    labelled: documents.some((document) => document.labels && document.labels.length > 0),
    source,
    oversized: plan.oversized,
    intent: 'run',
  };
  return { run, jobs, documents: rows };
}
