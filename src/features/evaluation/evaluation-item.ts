import type { ClassScore, DocumentResult, LabelMode } from '../../service/model';

/** One document as the evaluation sees it: its gold labels and the service's classes. */
export interface EvaluationItem {
  id: string;
  /** Gold labels as imported; empty when the document has none. */
  labels: string[];
  /** Highest confidence first. */
  predicted: ClassScore[];
  /** The service failed this document: it has no result. */
  failed: boolean;
}

/** Only documents with at least one label and a result are evaluated. */
export function isEvaluated(item: EvaluationItem): boolean {
  return !item.failed && item.labels.length > 0;
}

/**
 * The gold classes of a document. Single label: the first label only (an import may give several;
 * the service returns one class, so the others cannot be matched). Multi label: the labels, once each.
 */
export function goldClasses(item: EvaluationItem, labelMode: LabelMode): string[] {
  if (labelMode === 'single') return item.labels.slice(0, 1);
  return [...new Set(item.labels)];
}

/**
 * `toEvaluationItems` that hands back the same item object for a result whose labels did not
 * change, so the evaluation counts only what is new (see evaluation-accumulator.ts).
 */
export function cachedEvaluationItems() {
  const cache = new WeakMap<
    DocumentResult,
    { labels: readonly string[] | undefined; item: EvaluationItem }
  >();
  return (
    results: readonly DocumentResult[],
    labels: ReadonlyMap<string, readonly string[]>,
  ): EvaluationItem[] =>
    results.map((result) => {
      const own = labels.get(result.id);
      const hit = cache.get(result);
      if (hit && hit.labels === own) return hit.item;
      const item: EvaluationItem = {
        id: result.id,
        labels: [...(own ?? [])],
        predicted: result.classes,
        failed: result.error !== undefined,
      };
      cache.set(result, { labels: own, item });
      return item;
    });
}

/** The items for a run: a result joined with its document's labels (none when it has no entry). */
export function toEvaluationItems(
  results: readonly DocumentResult[],
  labels: ReadonlyMap<string, readonly string[]>,
): EvaluationItem[] {
  return cachedEvaluationItems()(results, labels);
}
