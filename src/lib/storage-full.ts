/**
 * The browser's QuotaExceededError, as thrown or as Dexie wraps it (an abort's `inner`, a
 * BulkError's `failures`): the one sign that IndexedDB has no room left.
 */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (error.name === 'QuotaExceededError') return true;
  if (isStorageFull(Reflect.get(error, 'inner'), depth + 1)) return true;
  const failures: unknown = Reflect.get(error, 'failures');
  return Array.isArray(failures) && failures.some((failure) => isStorageFull(failure, depth + 1));
}
