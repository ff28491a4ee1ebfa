/**
 * Dates and percentages written out as en-US writes them, without Intl. The page's first Intl
 * object costs 15-45 ms in Chromium (it loads its ICU data), and a first visit on the demo showed
 * three (a deployment's expiry, a project's training time, the model's F1), each in the render of
 * a part just arrived: one of the longest tasks of the first load. Where the page's locale is not
 * en-US, the callers keep Intl, so every reader still sees their own format.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Whether dates on this page are formatted as en-US (the browser's language). */
function datesAreEnUs(): boolean {
  return typeof navigator !== 'undefined' && navigator.language === 'en-US';
}

/** The parts of a moment that a format reads, in UTC or in the device's time zone. */
function partsOf(date: Date, zone: 'utc' | 'local') {
  return zone === 'utc'
    ? {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth(),
        day: date.getUTCDate(),
        hours: date.getUTCHours(),
        minutes: date.getUTCMinutes(),
        seconds: date.getUTCSeconds(),
      }
    : {
        year: date.getFullYear(),
        month: date.getMonth(),
        day: date.getDate(),
        hours: date.getHours(),
        minutes: date.getMinutes(),
        seconds: date.getSeconds(),
      };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** A whole number grouped by threes, as en-US writes it: 125000 → "125,000", -1000 → "-1,000". */
export function enUsGroups(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * `dateStyle: 'medium'` ("Jan 21, 2026"), with `timeStyle` 'short' ("Jan 21, 2026, 8:51 PM") or
 * 'medium' (seconds too), as `Intl.DateTimeFormat('en-US')` writes them. Undefined where Intl
 * must say it: the page's language is not en-US, or the date is invalid or outside 1000-9999.
 */
export function enUsDateTime(
  date: Date,
  zone: 'utc' | 'local',
  timeStyle?: 'short' | 'medium',
): string | undefined {
  if (!datesAreEnUs() || Number.isNaN(date.getTime())) return undefined;
  const { year, month, day, hours, minutes, seconds } = partsOf(date, zone);
  if (year < 1000 || year > 9999) return undefined;
  const calendarDay = `${MONTHS[month] ?? ''} ${day}, ${year}`;
  if (!timeStyle) return calendarDay;
  const clock = `${hours % 12 || 12}:${twoDigits(minutes)}`;
  const time = timeStyle === 'medium' ? `${clock}:${twoDigits(seconds)}` : clock;
  return `${calendarDay}, ${time} ${hours < 12 ? 'AM' : 'PM'}`;
}

/**
 * 0.7647 → "76.5%": percent with one decimal, as `Intl.NumberFormat('en-US')` writes it. Intl
 * rounds the number's shortest decimal form (what `String(n)` gives: 0.7715, not the binary
 * 0.77149999…) half away from zero, and so does this. Undefined where Intl must say it
 * (negative, -0, not finite, too large to write out here).
 */
export function enUsPercent(fraction: number): string | undefined {
  if (!Number.isFinite(fraction) || fraction < 0 || Object.is(fraction, -0) || fraction >= 1e12)
    return undefined;
  const decimal = String(fraction);
  // Exponent form below 1e12 means under 1e-6: nothing shows at one decimal of a percent.
  if (decimal.includes('e')) return '0.0%';
  const [whole = '0', digits = ''] = decimal.split('.');
  const padded = digits.padEnd(4, '0');
  const tenthsOfPercent =
    Number(`${whole}${padded.slice(0, 3)}`) + ((padded[3] ?? '0') >= '5' ? 1 : 0);
  return `${enUsGroups(Math.floor(tenthsOfPercent / 10))}.${tenthsOfPercent % 10}%`;
}
