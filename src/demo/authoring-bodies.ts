import type {
  AuthoringJob,
  AuthoringProgress,
  AuthoringStore,
  StoredModel,
  StoredProject,
} from './authoring-store';
import { AUTHORING_JOB_RETENTION_MS } from './authoring-store';
import { dateOnly, isoSeconds } from './demo-authoring';

/** Authoring bodies in the wire format of the authoring contract (A.3–A.7). */

type TimeOf = AuthoringStore['timeOf'];

export function modelBody(model: StoredModel, timeOf: TimeOf) {
  const trainedAt = timeOf(model.trainedAt);
  return {
    label: model.label,
    // Seeded models by day, not second: the deployments and the models are read at different
    // moments, and the ids must still match (a real model's id never changes).
    modelId: model.modelId ?? `${model.label}-${dateOnly(trainedAt)}`,
    lastTrainedDateTime: isoSeconds(trainedAt),
    lastTrainingDurationInSeconds: model.trainingSeconds,
    modelExpirationDate: dateOnly(timeOf(model.expiresAt)),
    modelTrainingConfigVersion: model.trainingConfigVersion,
    hasSnapshot: model.hasSnapshot,
  };
}

export function deploymentBody(
  deployment: StoredProject['deployments'][number],
  timeOf: TimeOf,
  withResources: boolean,
) {
  const served = modelBody(deployment.model, timeOf);
  return {
    deploymentName: deployment.name,
    modelId: served.modelId,
    lastTrainedDateTime: served.lastTrainedDateTime,
    lastDeployedDateTime: isoSeconds(timeOf(deployment.deployedAt)),
    deploymentExpirationDate: served.modelExpirationDate,
    modelTrainingConfigVersion: served.modelTrainingConfigVersion,
    ...(withResources ? { assignedResources: [] } : {}),
  };
}

/** `ProjectMetadata`; `settings` only in the versions that return them. */
export function projectBody(project: StoredProject, timeOf: TimeOf, withSettings = false) {
  const latest = (times: number[]) => (times.length ? Math.max(...times) : undefined);
  const lastTrained = latest(project.models.map((model) => timeOf(model.trainedAt)));
  const lastDeployed = latest(project.deployments.map((item) => timeOf(item.deployedAt)));
  return {
    projectName: project.projectName,
    projectKind: project.projectKind,
    language: project.language,
    multilingual: project.multilingual,
    ...(project.description !== undefined ? { description: project.description } : {}),
    storageInputContainerName: project.storageInputContainerName,
    createdDateTime: isoSeconds(timeOf(project.createdAt)),
    lastModifiedDateTime: isoSeconds(timeOf(project.modifiedAt)),
    ...(lastTrained !== undefined ? { lastTrainedDateTime: isoSeconds(lastTrained) } : {}),
    ...(lastDeployed !== undefined ? { lastDeployedDateTime: isoSeconds(lastDeployed) } : {}),
    ...(withSettings ? { settings: project.settings } : {}),
  };
}

/** The base job state every authoring job shares, plus what its kind adds. */
export function authoringJobBody(
  job: AuthoringJob,
  progress: AuthoringProgress,
  resultUrl: string | undefined,
) {
  const base = {
    jobId: job.jobId,
    createdDateTime: isoSeconds(job.createdAt),
    lastUpdatedDateTime: isoSeconds(progress.updatedAt),
    expirationDateTime: isoSeconds(job.createdAt + AUTHORING_JOB_RETENTION_MS),
    status: progress.status,
    warnings: [],
    errors: progress.status === 'failed' ? (job.errors ?? []) : [],
  };
  if (job.kind === 'export' && progress.status === 'succeeded' && resultUrl) {
    return { resultUrl, ...base };
  }
  if (job.kind === 'train' && job.train) return { result: trainingResult(job, progress), ...base };
  return base;
}

/** Training takes the first 80% of the run, evaluation the rest. */
const TRAINING_SHARE = 0.8;

function trainingResult(job: AuthoringJob, progress: AuthoringProgress) {
  const train = job.train;
  const { status, fraction, startedAt, endsAt } = progress;
  const started = status !== 'notStarted';
  const training = Math.min(1, fraction / TRAINING_SHARE);
  const evaluation = Math.max(0, (fraction - TRAINING_SHARE) / (1 - TRAINING_SHARE));
  const trainingEndsAt = startedAt + (endsAt - startedAt) * TRAINING_SHARE;
  const finished = status === 'succeeded' || status === 'failed' || status === 'cancelled';
  const phase = (share: number, ended: boolean) =>
    status === 'running' || status === 'cancelling'
      ? ended
        ? 'succeeded'
        : share > 0
          ? 'running'
          : 'notStarted'
      : status === 'succeeded'
        ? 'succeeded'
        : status;
  return {
    modelLabel: train?.modelLabel ?? '',
    trainingConfigVersion: train?.trainingConfigVersion ?? '',
    ...(started && !finished ? { estimatedEndDateTime: new Date(endsAt).toISOString() } : {}),
    trainingStatus: {
      percentComplete: Math.round(training * 100),
      ...(started ? { startDateTime: new Date(startedAt).toISOString() } : {}),
      ...(training >= 1 ? { endDateTime: new Date(trainingEndsAt).toISOString() } : {}),
      status: started ? phase(training, training >= 1) : 'notStarted',
    },
    evaluationStatus: {
      percentComplete: Math.round(evaluation * 100),
      ...(evaluation > 0 ? { startDateTime: new Date(trainingEndsAt).toISOString() } : {}),
      ...(evaluation >= 1 ? { endDateTime: new Date(endsAt).toISOString() } : {}),
      status: training >= 1 ? phase(evaluation, evaluation >= 1) : 'notStarted',
    },
  };
}
