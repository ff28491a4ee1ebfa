import type { RunDocument } from './run-model';
import type { RunsRepository } from './runs-repository';

/** Slices this big keep each read (and its structured clone) well under a frame's budget. */
const SLICE = 2_000;

export interface RunDocumentsFeed {
  subscribe: (listener: () => void) => () => void;
  /** Undefined until every document is read; documents never change once a run exists. */
  getSnapshot: () => readonly RunDocument[] | undefined;
}

/**
 * A run's documents (texts, languages, gold labels), read once in slices with a pause between
 * them, so opening a 100,000-document run never blocks the page for long.
 */
export function createRunDocumentsFeed(
  repository: RunsRepository,
  runId: string,
  documentCount: number,
): RunDocumentsFeed {
  const listeners = new Set<() => void>();
  let snapshot: RunDocument[] | undefined;
  let started = false;
  let cancelled = false;

  const read = async () => {
    const documents: RunDocument[] = [];
    for (let start = 0; start < documentCount && !cancelled; start += SLICE) {
      for (const document of await repository.documentSlice(runId, start, SLICE)) {
        documents.push(document);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (cancelled) return;
    snapshot = documents;
    for (const listener of listeners) listener();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!started) {
        started = true;
        cancelled = false;
        void read();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          cancelled = true;
          started = false;
        }
      };
    },
    getSnapshot: () => snapshot,
  };
}
