import '../lib/zod-config';
import { z } from 'zod';
import { invalidRequest } from './service-errors';
import type { JobSubmission } from './service-state';
import { countTextElements } from '../lib/text-elements';

/** Reads a submit body of either API generation and applies the service's request limits. */

const MAX_DOCUMENTS = 25;
const MAX_REQUEST_TEXT_ELEMENTS = 125_000;

type SubmissionResult = { submission: JobSubmission } | { rejection: Response };

const documentSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  language: z.string().optional(),
});

const analysisInputSchema = z.object({ documents: z.array(documentSchema).optional() });

const parametersSchema = z.record(z.string(), z.unknown()).optional();

const gaBodySchema = z.object({
  displayName: z.string().optional(),
  /** Preview versions from 2024-11-15-preview: the language for documents asking for detection. */
  defaultLanguage: z.string().optional(),
  /** Preview versions from 2025-05-15-preview: seconds after which the job cancels itself. */
  cancelAfter: z.number().nonnegative().optional(),
  analysisInput: analysisInputSchema,
  tasks: z.array(
    z.object({ kind: z.string(), taskName: z.string().optional(), parameters: parametersSchema }),
  ),
});

const gaParametersSchema = z.object({ projectName: z.string(), deploymentName: z.string() });

const previewBodySchema = z.object({
  displayName: z.string().optional(),
  analysisInput: analysisInputSchema,
  tasks: z.record(
    z.string(),
    z.array(z.object({ taskName: z.string().optional(), parameters: parametersSchema })),
  ),
});

const previewParametersSchema = z.object({
  modelId: z.string(),
  stringIndexType: z.string().optional(),
});

const GA_KINDS: Record<string, JobSubmission['labelMode']> = {
  CustomSingleLabelClassification: 'single',
  CustomMultiLabelClassification: 'multi',
};

const PREVIEW_TASK_LISTS: Record<string, JobSubmission['labelMode']> = {
  customClassificationTasks: 'single',
  customMultiClassificationTasks: 'multi',
};

function bodyFormatError(detail: string): Response {
  return invalidRequest({
    code: 'InvalidRequestBodyFormat',
    message: `Request body is not in the expected format: ${detail}`,
  });
}

function parseBody<T>(text: string, schema: z.ZodType<T>): { body: T } | { rejection: Response } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { rejection: bodyFormatError('the body is not valid JSON.') };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { body: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at '${issue.path.join('.')}'` : '';
  return { rejection: bodyFormatError(`${issue?.message ?? 'invalid shape'}${where}.`) };
}

type InputDocuments = z.infer<typeof documentSchema>[];

/** The whole request is refused when one limit is broken, as the service does. */
function documentsRejection(documents: InputDocuments | undefined): Response | undefined {
  if (!documents?.length) {
    return invalidRequest({ code: 'MissingInputDocuments', message: 'Missing input documents.' });
  }
  if (documents.length > MAX_DOCUMENTS) {
    return invalidRequest(
      {
        code: 'InvalidDocumentBatch',
        message: `Batch request contains too many records. Max ${MAX_DOCUMENTS} records are permitted.`,
      },
      'Invalid document in request.',
    );
  }
  if (new Set(documents.map((document) => document.id)).size !== documents.length) {
    return invalidRequest(
      {
        code: 'InvalidDocument',
        message: 'Request contains duplicated Ids. Make sure each document has a unique Id.',
      },
      'Invalid document in request.',
    );
  }
  let total = 0;
  for (const { text } of documents) {
    total += countTextElements(text, MAX_REQUEST_TEXT_ELEMENTS - total);
    if (total > MAX_REQUEST_TEXT_ELEMENTS) {
      return invalidRequest(
        {
          code: 'InvalidDocumentBatch',
          message: `Request payload is too large to be processed. The documents of one request may hold at most ${MAX_REQUEST_TEXT_ELEMENTS} characters (text elements) in total.`,
        },
        'Invalid document in request.',
      );
    }
  }
  return undefined;
}

function taskCountRejection(count: number): Response | undefined {
  if (count === 0) {
    return invalidRequest({ code: 'InvalidParameterValue', message: 'Missing job tasks.' });
  }
  if (count > 1) {
    return invalidRequest({
      code: 'InvalidParameterValue',
      message: 'The demo service runs one task per job; send each task as its own job.',
    });
  }
  return undefined;
}

const unsupportedKind = (kind: string, supported: string[]) =>
  invalidRequest({
    code: 'InvalidParameterValue',
    message: `Job task kind '${kind}' is not supported. Supported kinds: ${supported.join(', ')}.`,
  });

function missingParameter(issues: z.ZodError, kind: string): Response {
  const field = issues.issues[0]?.path.join('.') ?? 'parameters';
  return invalidRequest({
    code: 'InvalidParameterValue',
    message: `Job task parameter '${field}' is missing or not a string for job task type ${kind}.`,
  });
}

/** What the version takes beyond 2024-11-01's body; the rest it does not know of. */
interface GaVersionInput {
  detectsLanguage: boolean;
  takesDefaultLanguage: boolean;
  takesCancelAfter: boolean;
}

const unknownField = (field: string, apiVersion: string) =>
  invalidRequest({
    code: 'InvalidParameterValue',
    message: `The property '${field}' is not supported in api-version ${apiVersion}.`,
  });

export function readGaSubmission(
  text: string,
  apiVersion: string,
  version: GaVersionInput = {
    detectsLanguage: false,
    takesDefaultLanguage: false,
    takesCancelAfter: false,
  },
): SubmissionResult {
  const parsed = parseBody(text, gaBodySchema);
  if ('rejection' in parsed) return parsed;
  const { body } = parsed;
  if (body.defaultLanguage !== undefined && !version.takesDefaultLanguage)
    return { rejection: unknownField('defaultLanguage', apiVersion) };
  if (body.cancelAfter !== undefined && !version.takesCancelAfter)
    return { rejection: unknownField('cancelAfter', apiVersion) };
  const rejection =
    documentsRejection(body.analysisInput.documents) ?? taskCountRejection(body.tasks.length);
  if (rejection) return { rejection };
  const [task] = body.tasks;
  // Own keys only: a kind of `__proto__` is unsupported, not Object.prototype.
  const labelMode = task && Object.hasOwn(GA_KINDS, task.kind) ? GA_KINDS[task.kind] : undefined;
  if (!task || !labelMode) {
    return { rejection: unsupportedKind(task?.kind ?? '', Object.keys(GA_KINDS)) };
  }
  const parameters = gaParametersSchema.safeParse(task.parameters ?? {});
  if (!parameters.success) return { rejection: missingParameter(parameters.error, task.kind) };
  return {
    submission: {
      api: 'ga',
      apiVersion,
      displayName: body.displayName,
      labelMode,
      taskName: task.taskName,
      model: parameters.data,
      documents: body.analysisInput.documents ?? [],
      detectsLanguage: version.detectsLanguage,
    },
  };
}

export function readPreviewSubmission(text: string, apiVersion: string): SubmissionResult {
  const parsed = parseBody(text, previewBodySchema);
  if ('rejection' in parsed) return parsed;
  const { body } = parsed;
  const lists = Object.entries(body.tasks).filter(([, tasks]) => tasks.length > 0);
  const rejection =
    documentsRejection(body.analysisInput.documents) ??
    taskCountRejection(lists.reduce((sum, [, tasks]) => sum + tasks.length, 0));
  if (rejection) return { rejection };
  const [list] = lists;
  const labelMode =
    list && Object.hasOwn(PREVIEW_TASK_LISTS, list[0]) ? PREVIEW_TASK_LISTS[list[0]] : undefined;
  const task = list?.[1][0];
  if (!list || !task || !labelMode) {
    return { rejection: unsupportedKind(list?.[0] ?? '', Object.keys(PREVIEW_TASK_LISTS)) };
  }
  const parameters = previewParametersSchema.safeParse(task.parameters ?? {});
  if (!parameters.success) return { rejection: missingParameter(parameters.error, list[0]) };
  return {
    submission: {
      api: 'preview',
      apiVersion,
      displayName: body.displayName,
      labelMode,
      taskName: task.taskName,
      model: { modelId: parameters.data.modelId },
      documents: body.analysisInput.documents ?? [],
    },
  };
}
