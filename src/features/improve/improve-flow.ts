import {
  followAuthoringJob,
  submitAuthoringJob,
  type AuthoringJob,
  type AuthoringJobKind,
  type FollowOptions,
  type JobEvent,
} from '../../service/authoring-jobs';
import {
  cancelTrainingRequest,
  deployRequest,
  exportRequest,
  importRequest,
  readExportedProject,
  swapRequest,
  trainRequest,
  type TrainOptions,
} from '../../service/authoring-writes';
import { uploadBlobs, type BlobContainerPort } from '../../service/blob-upload';
import type { Credentials, ServiceRequest } from '../../service/http';
import type { ImproveStepRecord } from '../../service/improvement-steps';
import type { ProjectFile } from '../../service/project-file';
import type { ServedModel } from './compared-model';
import { describeFailure, describeJobEnd, type FailureWords, type StepName } from './failure-words';
import type { TrainingDocument } from './training-set';

/**
 * Improving a project's model from one run, step by step: read the project (export), upload the
 * run's documents, import the merged project, train, deploy, swap. One object per open run; it
 * owns what is happening now and publishes it (subscribe/getState), and saves every job URL
 * through its store before following it, so a reload follows the same job and sends nothing twice.
 */

/** What each step leaves behind, as the run keeps it (one shape, owned by the run's record). */
export type StepRecord = ImproveStepRecord;

export interface SavedImprovement {
  previousProject?: { file: unknown; exportedAt: number; projectName: string };
  steps: Partial<Record<StepName, StepRecord>>;
}

/** Where the flow keeps what must outlive the page (the runs store, in the app). */
export interface ImproveStore {
  load(): Promise<SavedImprovement | undefined>;
  saveStep(step: StepName, record: StepRecord): Promise<void>;
  savePreviousProject(previous: NonNullable<SavedImprovement['previousProject']>): Promise<void>;
}

export type StepPhase =
  | 'idle'
  | 'sending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  /** Found `sending` after a reload: the request may have gone out; the user decides. */
  | 'unsure';

export interface StepLive {
  phase: StepPhase;
  job?: AuthoringJob;
  /** Throttled (429): waiting until then, then going on by itself. */
  throttledUntil?: number;
  failure?: FailureWords;
  uploaded?: number;
  total?: number;
  record?: StepRecord;
}

export interface FlowState {
  steps: Record<StepName, StepLive>;
  /** The project as exported now (memory); merged with the run before an import. */
  exported?: ProjectFile;
  previousProject?: SavedImprovement['previousProject'];
}

export interface FlowDeps {
  credentials: Credentials;
  target: { endpoint: string; authoringVersion: string; projectName: string };
  store: ImproveStore;
  origin: string;
  follow?: Pick<FollowOptions, 'sleep' | 'now'>;
  now?: () => number;
}

const STEP_NAMES: StepName[] = ['export', 'upload', 'import', 'train', 'deploy', 'swap'];
const JOB_KIND: Record<Exclude<StepName, 'upload'>, AuthoringJobKind> = {
  export: 'export',
  import: 'import',
  train: 'train',
  deploy: 'deploy',
  swap: 'swap',
};
/** How many uploaded blob names are saved at once (fewer writes, at most this many re-checked). */
const SAVE_UPLOADED_EVERY = 25;

const idleSteps = (): Record<StepName, StepLive> => ({
  export: { phase: 'idle' },
  upload: { phase: 'idle' },
  import: { phase: 'idle' },
  train: { phase: 'idle' },
  deploy: { phase: 'idle' },
  swap: { phase: 'idle' },
});

export class ImproveFlow {
  private state: FlowState = { steps: idleSteps() };
  private readonly listeners = new Set<() => void>();
  private readonly abort = new AbortController();
  private readonly deps: FlowDeps;

  constructor(deps: FlowDeps) {
    this.deps = deps;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): FlowState => this.state;

  dispose(): void {
    this.abort.abort();
    this.listeners.clear();
  }

  private set(patch: Partial<FlowState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private setStep(step: StepName, patch: Partial<StepLive>, replace = false): void {
    const current = replace ? { phase: 'idle' as const } : this.state.steps[step];
    this.set({ steps: { ...this.state.steps, [step]: { ...current, ...patch } } });
  }

  private get now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private async record(step: StepName, record: StepRecord): Promise<void> {
    this.setStep(step, { record });
    await this.deps.store.saveStep(step, record);
  }

  private onEvent(step: StepName) {
    return (event: JobEvent) => {
      if (event.kind === 'throttled') this.setStep(step, { throttledUntil: event.until });
      if (event.kind === 'job') {
        const { throttledUntil: _, ...rest } = this.state.steps[step];
        this.setStep(step, { ...rest, job: event.job }, true);
      }
    };
  }

  private fail(step: StepName, error: unknown): void {
    if (this.abort.signal.aborted) return;
    const failure = describeFailure(step, error, {
      containerName: this.state.exported?.metadata.storageInputContainerName ?? '',
      origin: this.deps.origin,
    });
    this.setStep(step, { phase: 'failed', failure, throttledUntil: undefined });
  }

  /** Sends a write, saving `sending` before and the job URL as soon as it is accepted. */
  private async start(
    step: Exclude<StepName, 'upload'>,
    request: ServiceRequest,
    extra: Partial<StepRecord> = {},
  ): Promise<AuthoringJob | undefined> {
    this.setStep(step, { phase: 'sending' }, true);
    await this.record(step, { state: 'sending', ...extra });
    const jobUrl = await submitAuthoringJob(request, this.deps.credentials, {
      signal: this.abort.signal,
      onEvent: this.onEvent(step),
      ...this.deps.follow,
    });
    const accepted = { state: 'accepted' as const, jobUrl, acceptedAt: this.now, ...extra };
    await this.record(step, accepted);
    return this.followJob(step, accepted);
  }

  private async followJob(
    step: Exclude<StepName, 'upload'>,
    record: StepRecord,
  ): Promise<AuthoringJob | undefined> {
    if (!record.jobUrl) return undefined;
    this.setStep(step, { phase: 'running', record });
    const job = await followAuthoringJob(
      JOB_KIND[step],
      record.jobUrl,
      this.deps.credentials,
      record.acceptedAt ?? this.now,
      { signal: this.abort.signal, onEvent: this.onEvent(step), ...this.deps.follow },
    );
    const ended =
      job.phase === 'succeeded' ? 'succeeded' : job.phase === 'cancelled' ? 'cancelled' : 'failed';
    const failure =
      ended === 'succeeded'
        ? undefined
        : describeJobEnd(step, job, {
            containerName: this.state.exported?.metadata.storageInputContainerName ?? '',
          });
    await this.record(step, {
      ...record,
      state: ended,
      ...(failure ? { error: [failure.title, failure.quote].filter(Boolean).join(' ') } : {}),
    });
    this.setStep(step, { phase: ended, job, ...(failure ? { failure } : {}) });
    return job;
  }

  /** After a reload: every accepted job is followed again; a request that may have left is flagged. */
  async resume(): Promise<void> {
    const saved = await this.deps.store.load();
    if (!saved) return;
    if (saved.previousProject) this.set({ previousProject: saved.previousProject });
    for (const step of STEP_NAMES) {
      const record = saved.steps[step];
      if (!record) continue;
      if (record.state === 'sending') {
        this.setStep(step, { phase: 'unsure', record });
        continue;
      }
      if (record.state !== 'accepted' || step === 'upload') {
        const phase = record.state === 'accepted' ? 'idle' : record.state;
        this.setStep(step, { phase, record, uploaded: record.uploaded?.length ?? 0 });
        continue;
      }
      void this.followJob(step, record).catch((error: unknown) => this.fail(step, error));
    }
  }

  /** Export → follow → read the project file. */
  async readProject(): Promise<ProjectFile | undefined> {
    try {
      const job = await this.start('export', exportRequest(this.deps.target));
      if (job?.phase !== 'succeeded' || !job.resultUrl) {
        if (job?.phase === 'succeeded') {
          this.setStep('export', {
            phase: 'failed',
            failure: {
              title: 'The export ended without saying where its result is (no resultUrl).',
              hint: 'Try again; if it persists, the service is misbehaving.',
            },
          });
        }
        return undefined;
      }
      const file = await readExportedProject(
        job.resultUrl,
        this.deps.credentials,
        this.abort.signal,
      );
      this.set({ exported: file });
      return file;
    } catch (error) {
      this.fail('export', error);
      return undefined;
    }
  }

  /**
   * Uploads the run's documents (never one already uploaded), then imports the merged project.
   * The export it was merged into is saved first: it is what the user rolls back to.
   */
  async addToTrainingData(
    exported: ProjectFile,
    documents: readonly TrainingDocument[],
    merged: ProjectFile,
    container: () => Promise<BlobContainerPort>,
  ): Promise<boolean> {
    const previousProject = {
      file: exported,
      exportedAt: this.now,
      projectName: this.deps.target.projectName,
    };
    await this.deps.store.savePreviousProject(previousProject);
    this.set({ previousProject });
    const done = new Set(this.state.steps.upload.record?.uploaded ?? []);
    const toSend = documents.filter((document) => !done.has(document.location));
    this.setStep(
      'upload',
      { phase: 'running', uploaded: done.size, total: documents.length },
      true,
    );
    try {
      const port = await container();
      let unsaved = 0;
      await uploadBlobs(port, toSend, {
        signal: this.abort.signal,
        onUploaded: (location) => {
          done.add(location);
          this.setStep('upload', { uploaded: done.size });
          unsaved += 1;
          if (unsaved >= SAVE_UPLOADED_EVERY) {
            unsaved = 0;
            void this.deps.store.saveStep('upload', { state: 'sending', uploaded: [...done] });
          }
        },
      });
      await this.record('upload', { state: 'succeeded', uploaded: [...done] });
      this.setStep('upload', { phase: 'succeeded' });
    } catch (error) {
      await this.deps.store.saveStep('upload', { state: 'failed', uploaded: [...done] });
      this.fail('upload', error);
      return false;
    }
    try {
      const job = await this.start('import', importRequest(this.deps.target, merged));
      return job?.phase === 'succeeded';
    } catch (error) {
      this.fail('import', error);
      return false;
    }
  }

  async train(options: TrainOptions, baseline?: ServedModel): Promise<void> {
    try {
      await this.start('train', trainRequest(this.deps.target, options), {
        modelLabel: options.modelLabel,
        ...(baseline ? { baseline } : {}),
      });
    } catch (error) {
      this.fail('train', error);
    }
  }

  /** Asks the service to cancel; the train job, still followed, ends `cancelled`. */
  async cancelTraining(): Promise<void> {
    const jobUrl = this.state.steps.train.record?.jobUrl;
    if (!jobUrl) return;
    try {
      await submitAuthoringJob(cancelTrainingRequest(jobUrl), this.deps.credentials, {
        signal: this.abort.signal,
        onEvent: this.onEvent('train'),
        ...this.deps.follow,
      });
    } catch (error) {
      this.fail('train', error);
    }
  }

  async deploy(deploymentName: string, modelLabel: string): Promise<void> {
    try {
      await this.start('deploy', deployRequest(this.deps.target, deploymentName, modelLabel), {
        deploymentName,
        modelLabel,
      });
    } catch (error) {
      this.fail('deploy', error);
    }
  }

  async swap(first: string, second: string, servedBefore?: [string, string]): Promise<void> {
    try {
      await this.start('swap', swapRequest(this.deps.target, first, second), {
        swapped: [first, second],
        ...(servedBefore ? { swappedModels: servedBefore } : {}),
      });
    } catch (error) {
      this.fail('swap', error);
    }
  }
}
