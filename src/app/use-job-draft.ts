import { useDeferredValue, useMemo } from 'react';
import { useConnectionSettings } from '../features/connection/connection-store';
import {
  checkCredentials,
  validateConnection,
  type FieldErrors,
} from '../features/connection/validate-connection';
import { submitBlocker } from '../features/documents/batch-check';
import {
  useDocumentsDraft,
  useDocumentsRestoring,
  useImportedDocuments,
  useRefusedImport,
} from '../features/documents/documents-store';
import { splitDocuments } from '../features/documents/paragraphs';
import { planBatch, type BatchPlan } from '../service/batching';
import { documentProblems, type BatchSize } from '../service/limits';
import type { RunSettings } from '../features/runs/store/run-model';
import type { RunInputDocument } from '../features/runs/store/new-run';
import type { Credentials } from '../service/http';
import type { JobInput } from '../service/model';

interface JobDraft {
  /** Set when everything can be sent; never the key, which the runs read from the form when sending. */
  ready:
    | {
        base: Omit<JobInput, 'documents'>;
        plan: BatchPlan;
        documents: RunInputDocument[];
      }
    | undefined;
  /** The form's settings as a run would be sent with them, when they are valid (for Rerun). */
  runSettings: RunSettings | undefined;
  /** Why the settings are not valid, in a few words, when they are not. */
  settingsProblem: string | undefined;
  /** Where the documents come from: a file name, or the text box. */
  source: string;
  /** The endpoint and key as they stand once valid, for following a job and deleting a project. */
  credentials: Credentials | undefined;
  fieldErrors: FieldErrors;
  /** What is wrong inside the documents themselves, for the field. */
  documentsError: string | undefined;
  /** Why Submit job cannot send the documents, shown beside it; the button is off meanwhile. */
  submitBlocker: string | undefined;
  size: BatchSize;
  plan: BatchPlan;
  /** The checks are still catching up with what was just typed (`ready` waits for them). */
  settling: boolean;
}

/** Everything the form holds, checked: a batch plan when it can be sent, and why not otherwise. */
export function useJobDraft(showRequired: boolean): JobDraft {
  const settings = useConnectionSettings();
  const draft = useDocumentsDraft();
  const imported = useImportedDocuments();
  const restoring = useDocumentsRestoring();
  const refused = useRefusedImport();
  // Counting text elements of a long paste is not free; let typing stay ahead of the counters.
  const deferredDraft = useDeferredValue(draft);
  const documents = useMemo<RunInputDocument[]>(
    () => (imported ? imported.documents : splitDocuments(deferredDraft)),
    [imported, deferredDraft],
  );
  // One pass counts the characters and cuts the jobs.
  const plan = useMemo(() => planBatch(documents), [documents]);
  const { size } = plan;
  const check = validateConnection(settings, showRequired);
  const problems = useMemo(() => documentProblems(documents), [documents]);
  const documentsError = problems.length > 0 ? problems.join(' ') : undefined;
  // Sizes are checked as the documents change: the counter and Submit say so before any attempt.
  const blocker = submitBlocker({ plan, problems, restoring, refused: refused?.sourceName });
  const settled = imported !== undefined || draft === deferredDraft;
  let ready: JobDraft['ready'];
  let runSettings: RunSettings | undefined;
  if (check.ok) {
    const { key: _key, scheme: _scheme, resourceEndpoint, ...base } = check.connection;
    runSettings = {
      ...base,
      // The normalised origin, never the typed string: snippets and Rerun take it from here.
      resourceEndpoint,
      useProxy: settings.useProxy,
    };
    if (!blocker && settled) ready = { base, plan, documents };
  }
  return {
    ready,
    runSettings,
    settingsProblem: check.ok ? undefined : 'Fill in the connection and the model first.',
    source: imported?.sourceName ?? 'the text box',
    credentials: checkCredentials(settings),
    fieldErrors: check.errors,
    documentsError,
    submitBlocker: blocker,
    size,
    plan,
    settling: !settled,
  };
}
