import type { DocumentResult, ResultProblem } from '../../../service/model';

export interface ExportMeta {
  jobIds: string[];
  /** The endpoint the jobs ran on; only its host is written. */
  endpoint: string;
}

export interface JsonExportMeta extends ExportMeta {
  /** False while a batch is still running: the file then holds what is done so far. */
  complete: boolean;
  exportedAt: Date;
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return '';
  }
}

function problemOf(problem: ResultProblem): ResultProblem {
  return problem.kind === 'invalid-confidence'
    ? { kind: problem.kind, category: problem.category, received: problem.received }
    : { kind: problem.kind };
}

/**
 * The normalised results with a small header. Every field is picked by name, so nothing that rides
 * along on the objects passed in (a key least of all) can reach the file. A confidence outside
 * [0, 1] is never among `classes`: it is written under `problems`, as received, beside a duplicate id.
 */
export function resultsToJson(
  documents: DocumentResult[],
  meta: JsonExportMeta,
  labels?: Map<string, string>,
): string {
  const body = {
    exportedAt: meta.exportedAt.toISOString(),
    endpointHost: hostOf(meta.endpoint),
    jobIds: [...meta.jobIds],
    complete: meta.complete,
    documentCount: documents.length,
    documents: documents.map((document) => {
      const label = labels?.get(document.id);
      const { error } = document;
      return {
        id: document.id,
        ...(label === undefined ? {} : { label }),
        classes: document.classes.map(({ category, confidence }) => ({ category, confidence })),
        warnings: document.warnings.map(({ code, message }) => ({ code, message })),
        ...(error
          ? {
              error: {
                code: error.code,
                message: error.message,
                ...(error.innerCode === undefined ? {} : { innerCode: error.innerCode }),
                ...(error.innerMessage === undefined ? {} : { innerMessage: error.innerMessage }),
                ...(error.target === undefined ? {} : { target: error.target }),
              },
            }
          : {}),
        ...(document.problems?.length ? { problems: document.problems.map(problemOf) } : {}),
      };
    }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
