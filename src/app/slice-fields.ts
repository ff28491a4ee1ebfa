import type { ResultItem } from '../features/results/result-item';

type Fields = Readonly<Record<string, string>>;

/**
 * What each document can be sliced by: its file's other columns and its language (its own, else
 * the run's). A field added here (say the language the service detected) becomes an option by
 * itself. Each document's fields are made once and kept while its item stays the same object (the
 * results feed keeps unchanged documents' items), so a batch of results costs only its own.
 */
export function cachedSliceFields() {
  let cache = new WeakMap<ResultItem, Fields>();
  let cachedLanguage: string | undefined;
  return (items: readonly ResultItem[], runLanguage: string): Map<string, Fields> => {
    if (runLanguage !== cachedLanguage) {
      cache = new WeakMap();
      cachedLanguage = runLanguage;
    }
    const fields = new Map<string, Fields>();
    for (const item of items) {
      let own = cache.get(item);
      if (!own) {
        const language = item.language ?? runLanguage;
        own = { ...item.metadata, ...(language ? { language } : {}) };
        cache.set(item, own);
      }
      fields.set(item.result.id, own);
    }
    return fields;
  };
}
