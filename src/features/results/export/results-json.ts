import type { ResultProblem } from '../../../service/model';
import type { ResultItem, ResultMark, ResultsRunSettings } from '../result-item';

export interface JsonExportMeta {
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

/** The `run` header: what the documents were sent with and how they were judged. */
function runHeader(settings: ResultsRunSettings) {
  return {
    name: settings.runName,
    projectName: settings.projectName,
    ...(settings.deploymentName ? { deploymentName: settings.deploymentName } : {}),
    ...(settings.modelId ? { modelId: settings.modelId } : {}),
    apiVersion: settings.apiVersion,
    kind: settings.labelMode === 'multi' ? 'multi-label' : 'single-label',
    ranAt: new Date(settings.ranAt).toISOString(),
    threshold: settings.threshold,
  };
}

/**
 * The normalised results in input order, with a small header and the run's settings under `run`.
 * Every field is picked by name, so nothing that rides along on the objects passed in (a key least
 * of all) can reach the file. A confidence outside [0, 1] is never among `classes`: it is written
 * under `problems`, as received, beside a duplicate id. Gold labels are `labels`, the reviewer's
 * `correction`, and the evaluation's marks `mismatch` / `belowThreshold` when true.
 */
export function resultsToJson(
  items: readonly ResultItem[],
  settings: ResultsRunSettings,
  meta: JsonExportMeta,
  marks?: ReadonlyMap<string, ResultMark>,
): string {
  const body = {
    exportedAt: meta.exportedAt.toISOString(),
    endpointHost: hostOf(settings.endpoint),
    jobIds: [...settings.jobIds],
    complete: meta.complete,
    run: runHeader(settings),
    documentCount: items.length,
    documents: items.map(({ result: document, text, labels, correction }) => {
      const { error } = document;
      const mark = marks?.get(document.id);
      return {
        id: document.id,
        text,
        ...(labels ? { labels: [...labels] } : {}),
        ...(correction ? { correction: [...correction] } : {}),
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
        ...(mark?.mismatch ? { mismatch: true } : {}),
        ...(mark?.belowThreshold ? { belowThreshold: true } : {}),
      };
    }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
