const pad = (value: number) => String(value).padStart(2, '0');

/**
 * `classify-results-2026-11-28T13-05.csv`, in local time: a name that sorts and is safe anywhere;
 * `classify-labels-…` for the labels file.
 */
export function exportFileName(
  extension: 'csv' | 'json',
  now: Date,
  what: 'results' | 'labels' = 'results',
): string {
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `classify-${what}-${date}T${pad(now.getHours())}-${pad(now.getMinutes())}.${extension}`;
}
