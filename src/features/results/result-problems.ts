import type { DocumentResult, ResultProblem } from '../../service/model';

type InvalidConfidence = Extract<ResultProblem, { kind: 'invalid-confidence' }>;

export function invalidConfidences(result: DocumentResult): InvalidConfidence[] {
  const found: InvalidConfidence[] = [];
  for (const problem of result.problems ?? [])
    if (problem.kind === 'invalid-confidence') found.push(problem);
  return found;
}

/** What the results view warns about above the table. */
export interface ResultNotices {
  /** Results with a confidence outside [0, 1] or not finite. */
  invalidConfidence: number;
  /** Ids given to more than one result (across every job shown), in order of first appearance. */
  duplicateIds: string[];
}

/** Duplicates are counted here over everything shown, so two jobs of a batch repeating an id count too. */
export function resultNotices(documents: DocumentResult[]): ResultNotices {
  let invalidConfidence = 0;
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const document of documents) {
    if (document.problems?.some((problem) => problem.kind === 'invalid-confidence'))
      invalidConfidence += 1;
    if (seen.has(document.id)) repeated.add(document.id);
    else seen.add(document.id);
  }
  return { invalidConfidence, duplicateIds: [...repeated] };
}
