const pad = (value: number) => String(value).padStart(2, '0');

/** `classify-results-2026-11-28T13-05.csv`, in local time: a name that sorts and is safe anywhere. */
export function exportFileName(extension: 'csv' | 'json', now: Date): string {
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `classify-results-${date}T${pad(now.getHours())}-${pad(now.getMinutes())}.${extension}`;
}
