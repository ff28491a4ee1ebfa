import { useDeferredValue, useMemo } from 'react';
import { useConnectionSettings } from '../features/connection/connection-store';
import {
  checkCredentials,
  validateConnection,
  type FieldErrors,
} from '../features/connection/validate-connection';
import { useDocumentsDraft } from '../features/documents/documents-store';
import { splitDocuments } from '../features/documents/paragraphs';
import {
  batchLimitErrors,
  documentProblems,
  measureBatch,
  type BatchSize,
} from '../service/limits';
import type { JobInput } from '../service/model';

export interface JobDraft {
  /** Set when everything can be sent; the key travels beside the input, never inside it. */
  ready: { input: JobInput; key: string } | undefined;
  /** The endpoint and key as they stand once valid, for following a job and deleting a project. */
  credentials: { endpoint: string; key: string } | undefined;
  fieldErrors: FieldErrors;
  documentsError: string | undefined;
  size: BatchSize;
}

/** Everything the form holds, checked: a job input when it can be sent, and why not otherwise. */
export function useJobDraft(showRequired: boolean): JobDraft {
  const settings = useConnectionSettings();
  const draft = useDocumentsDraft();
  // Counting text elements of a long paste is not free; let typing stay ahead of the counters.
  const deferredDraft = useDeferredValue(draft);
  const documents = useMemo(() => splitDocuments(deferredDraft), [deferredDraft]);
  const size = useMemo(() => measureBatch(documents), [documents]);
  const check = validateConnection(settings, showRequired);
  const limitErrors = [...documentProblems(documents), ...batchLimitErrors(size)];
  const documentsError =
    limitErrors.join(' ') ||
    (showRequired && size.documents === 0 ? 'Add at least one document.' : undefined);
  let ready: JobDraft['ready'];
  if (check.ok && !documentsError && size.documents > 0 && draft === deferredDraft) {
    const { key, ...choice } = check.connection;
    ready = { input: { ...choice, documents }, key };
  }
  return {
    ready,
    credentials: checkCredentials(settings),
    fieldErrors: check.errors,
    documentsError,
    size,
  };
}
