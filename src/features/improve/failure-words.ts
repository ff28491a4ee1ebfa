import type { AuthoringJob } from '../../service/authoring-jobs';
import { StorageError } from '../../service/blob-upload';
import { hintFor, ServiceError } from '../../service/errors';
import type { ImproveStep } from '../../service/improvement-steps';
import type { ServiceProblem } from '../../service/model';
import { corsRuleFor, type CorsRule } from '../../service/storage-sas';

/** Each step of improving the model, as the region names it. */
export type StepName = ImproveStep;

export interface FailureWords {
  /** What did not happen, and what stayed as it was. */
  title: string;
  /** The service's own code and message, quoted. */
  quote?: string;
  hint: string;
  /** Storage blocked the page: the rule to add, exactly. */
  corsRule?: CorsRule;
}

const WHAT: Record<StepName, string> = {
  export: 'The project could not be read (export). Nothing was changed.',
  upload: 'The documents could not all be uploaded. The project was not changed.',
  import:
    'The import did not go through. The project was not replaced, or stays as the service left it: the previous project file can be downloaded.',
  train: 'Training did not finish. The project and its deployments are as they were.',
  deploy:
    'The deployment did not finish. Check which model the deployment serves before trying again.',
  swap: 'The swap did not finish. Check which model each deployment serves before trying again.',
};

const MANAGED_IDENTITY_HINT =
  'The Language resource reads the blobs with its managed identity: turn on its system-assigned managed identity and give it the Storage Blob Data Contributor role on the storage account.';
const CONFLICT_HINT =
  'Another job is running on this project (an import, a training, a deployment or a swap). Wait for it to end, then try again.';

function quoteOf(problem: ServiceProblem | undefined): string | undefined {
  if (!problem) return undefined;
  const inner = problem.innerCode
    ? ` (${problem.innerCode}${problem.innerMessage ? `: ${problem.innerMessage}` : ''})`
    : '';
  return `${problem.code}: ${problem.message}${inner}`;
}

function containerMissing(text: string): boolean {
  return (
    /container/i.test(text) && /not (be )?found|does ?n[o’']t exist|not exist|missing/i.test(text)
  );
}

function permission(text: string): boolean {
  return /permission|forbidden|authoriz|not authorized|access/i.test(text);
}

function serviceHint(
  step: StepName,
  problem: ServiceProblem | undefined,
  status: number | undefined,
  containerName: string | undefined,
): string | undefined {
  const text = `${problem?.code ?? ''} ${problem?.message ?? ''} ${problem?.innerCode ?? ''} ${problem?.innerMessage ?? ''}`;
  if (status === 409 || /conflict/i.test(problem?.code ?? '')) return CONFLICT_HINT;
  if ((step === 'import' || step === 'train') && containerMissing(text)) {
    return `The project's container${containerName ? ` “${containerName}”` : ''} does not exist in the storage account linked to the Language resource: create it there, upload again, then import.`;
  }
  if ((step === 'import' || step === 'train') && (status === 403 || permission(text)))
    return MANAGED_IDENTITY_HINT;
  if (step === 'train' && /label|exist/i.test(text) && /model/i.test(text))
    return 'A model of that label may already exist or the label is refused: choose another model label.';
  if (step === 'deploy' && /model/i.test(text))
    return 'Only a model that finished training can be deployed: check the model label.';
  return undefined;
}

/** A failed request or upload, in words, with the service's code and a hint. */
export function describeFailure(
  step: StepName,
  error: unknown,
  context: { containerName?: string; origin: string },
): FailureWords {
  const title = WHAT[step];
  if (error instanceof StorageError) {
    switch (error.kind) {
      case 'blocked':
        return {
          title,
          hint: `The browser was blocked from the storage account (CORS), or could not reach it. Add this CORS rule to the storage account's Blob service (Azure portal → the storage account → Resource sharing (CORS) → Blob service), then upload again:`,
          corsRule: corsRuleFor(context.origin),
        };
      case 'forbidden':
        return {
          title,
          quote: `${error.status ?? ''} ${error.code ?? ''}`.trim(),
          hint: 'The storage account refused the SAS: it may have expired, lack the read, write and list rights, or be for another container. Make a new container SAS URL.',
        };
      case 'container-missing':
        return {
          title,
          quote: error.code ?? '404',
          hint: `The container${context.containerName ? ` “${context.containerName}”` : ''} does not exist in that storage account. The SAS URL must be for the project's own container.`,
        };
      case 'exists-different':
        return {
          title,
          hint: `${error.message} Rename the document in the run, or remove that blob yourself if it is not used.`,
        };
      case 'other':
        return {
          title,
          quote: [error.status, error.code].filter(Boolean).join(' '),
          hint: error.message,
        };
    }
  }
  if (error instanceof ServiceError) {
    const quote = quoteOf(error.problem);
    return {
      title,
      ...(quote ? { quote: error.status ? `HTTP ${error.status} ${quote}` : quote } : {}),
      hint: serviceHint(step, error.problem, error.status, context.containerName) ?? hintFor(error),
    };
  }
  return { title, hint: error instanceof Error ? error.message : String(error) };
}

/** A job that ended without succeeding, in words. */
export function describeJobEnd(
  step: StepName,
  job: AuthoringJob,
  context: { containerName?: string },
): FailureWords {
  const [first] = job.errors;
  const quote = quoteOf(first);
  const ended = job.phase === 'cancelled' ? 'was cancelled' : `ended with status “${job.status}”`;
  return {
    title: `${WHAT[step]} The job ${ended}.`,
    ...(quote ? { quote } : {}),
    hint:
      serviceHint(step, first, undefined, context.containerName) ??
      (job.phase === 'cancelled'
        ? 'Nothing more will happen to this job.'
        : 'The service’s own message says why.'),
  };
}
