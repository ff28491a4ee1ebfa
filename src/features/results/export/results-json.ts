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

/** Every field picked by name, so nothing that rides along on the item can reach the file. */
function documentOf(
  { result: document, text, labels, correction, language, metadata }: ResultItem,
  marks: ReadonlyMap<string, ResultMark> | undefined,
) {
  const { error, detectedLanguage } = document;
  const mark = marks?.get(document.id);
  return {
    id: document.id,
    text,
    ...(language ? { language } : {}),
    ...(detectedLanguage
      ? {
          detectedLanguage: {
            code: detectedLanguage.code,
            ...(detectedLanguage.name === undefined ? {} : { name: detectedLanguage.name }),
            ...(detectedLanguage.confidence === undefined
              ? {}
              : { confidence: detectedLanguage.confidence }),
          },
        }
      : {}),
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
    // A copy, field by field: the file's other columns as imported.
    ...(metadata ? { metadata: Object.fromEntries(Object.entries(metadata)) } : {}),
  };
}

/** Documents a chunk holds: a few milliseconds of work, so a download can yield between. */
export const DOCUMENTS_PER_CHUNK = 250;

/** A document as it stands in `documents` of the file, two levels in. */
const DOCUMENT_INDENT = '\n    ';

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
  return [...resultsJsonChunks(items, settings, meta, marks)].join('');
}

/**
 * `resultsToJson`'s text, the same to the byte as `JSON.stringify(body, null, 2)`: the header up to
 * `"documents": [`, then `documentsPerChunk` documents a chunk, then the closing brackets.
 */
export function* resultsJsonChunks(
  items: readonly ResultItem[],
  settings: ResultsRunSettings,
  meta: JsonExportMeta,
  marks?: ReadonlyMap<string, ResultMark>,
  documentsPerChunk = DOCUMENTS_PER_CHUNK,
): Generator<string, void, undefined> {
  const header = {
    exportedAt: meta.exportedAt.toISOString(),
    endpointHost: hostOf(settings.endpoint),
    jobIds: [...settings.jobIds],
    complete: meta.complete,
    run: runHeader(settings),
    documentCount: items.length,
    documents: [],
  };
  // `documents` is the last key: the text up to its `[` opens the file.
  yield JSON.stringify(header, null, 2).slice(0, -']\n}'.length);
  for (let start = 0; start < items.length; start += documentsPerChunk) {
    const documents = items
      .slice(start, start + documentsPerChunk)
      // Inside a JSON text a line break is always layout (strings carry theirs as `\n`): indent it.
      .map((item) => {
        const document = JSON.stringify(documentOf(item, marks), null, 2);
        return DOCUMENT_INDENT + document.replaceAll('\n', DOCUMENT_INDENT);
      });
    yield `${start > 0 ? ',' : ''}${documents.join(',')}`;
  }
  yield items.length > 0 ? '\n  ]\n}\n' : ']\n}\n';
}
