/** The browser's own QuotaExceededError, as thrown or as Dexie wraps it. */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (error.name === 'QuotaExceededError') return true;
  return isStorageFull(Reflect.get(error, 'inner'), depth + 1);
}
