import type { RunCorrection, RunDocument } from '../store/run-model';
import type { RunInputDocument } from '../store/new-run';

/**
 * The documents a rerun sends: the same texts, each with its reviewed label as its gold label
 * where the review corrected it (a correction replaces the import's label, as in the evaluation).
 */
export function rerunDocuments(
  stored: readonly RunDocument[],
  corrections: readonly RunCorrection[],
): RunInputDocument[] {
  const corrected = new Map(corrections.map((correction) => [correction.index, correction.labels]));
  return stored.map(({ index, id, text, language, labels }) => {
    const gold = corrected.get(index) ?? labels;
    return {
      id,
      text,
      ...(language ? { language } : {}),
      ...(gold && gold.length > 0 ? { labels: gold } : {}),
    };
  });
}
