import { enUsDateTime, enUsGroups, enUsPercent } from './en-us-format';
import { onFirstUse } from './on-first-use';

const percent = onFirstUse(
  () =>
    new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }),
);

/** 0.7647 → "76.5%" (en-US, written out without Intl where it can be: see en-us-format). */
export function formatConfidence(confidence: number): string {
  return enUsPercent(confidence) ?? percent().format(confidence);
}

const count = onFirstUse(() => new Intl.NumberFormat('en-US'));

/**
 * 125000 → "125,000". A whole number is grouped here, as en-US does, without Intl: the first
 * screen shows counts, and its first Intl object would cost the page its ICU data (onFirstUse).
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return count().format(value);
  return enUsGroups(value);
}

const KIB = 1024;
const MIB = KIB * 1024;
const GIB = MIB * 1024;

/**
 * Sizes, everywhere one is shown (a refused file, a limit, storage used): 412 KB, 4.2 MB, 256 MB,
 * 2.0 GB. Binary units, as browsers and file managers count; one decimal only where it says something.
 */
export function formatBytes(bytes: number): string {
  if (bytes < MIB) return `${formatCount(Math.max(1, Math.round(bytes / KIB)))} KB`;
  if (bytes < GIB) {
    const value = bytes / MIB;
    return `${value < 10 ? value.toFixed(1) : formatCount(Math.round(value))} MB`;
  }
  return `${(bytes / GIB).toFixed(1)} GB`;
}

const dateTime = onFirstUse(
  () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
);

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return enUsDateTime(date, 'local', 'medium') ?? dateTime().format(date);
}
