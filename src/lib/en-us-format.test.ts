import { afterEach, describe, expect, it, vi } from 'vitest';
import { enUsDateTime, enUsPercent } from './en-us-format';

afterEach(() => vi.unstubAllGlobals());

const speaks = (language: string) => vi.stubGlobal('navigator', { language });

/** Moments across years, months, both halves of the day, midnight and noon; seeded, so repeatable. */
function moments(): Date[] {
  const fixed = [
    Date.UTC(2026, 0, 21, 20, 51, 7),
    Date.UTC(2027, 8, 25),
    Date.UTC(2026, 4, 3, 0, 5, 0),
    Date.UTC(2026, 4, 3, 12, 5, 9),
    Date.UTC(1999, 11, 31, 23, 59, 59),
    Date.UTC(1000, 0, 1, 11, 0, 0),
    Date.UTC(9999, 11, 31, 13, 1, 2),
  ];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const spread = Array.from({ length: 200 }, () => Date.UTC(1970, 0, 1) + random() * 2e12);
  return [...fixed, ...spread].map((at) => new Date(Math.floor(at)));
}

describe('a date written out as en-US', () => {
  it.each([
    ['utc', undefined, { dateStyle: 'medium', timeZone: 'UTC' }],
    ['local', 'short', { dateStyle: 'medium', timeStyle: 'short' }],
    ['local', 'medium', { dateStyle: 'medium', timeStyle: 'medium' }],
  ] as const)('%s, time %s: reads as Intl writes it', (zone, timeStyle, options) => {
    speaks('en-US');
    const intl = new Intl.DateTimeFormat('en-US', options);
    for (const date of moments())
      expect(enUsDateTime(date, zone, timeStyle)).toBe(intl.format(date));
  });

  it('is left to Intl in another language, for an invalid date and outside years 1000-9999', () => {
    speaks('en-GB');
    expect(enUsDateTime(new Date(Date.UTC(2026, 0, 21)), 'utc')).toBeUndefined();
    speaks('en-US');
    expect(enUsDateTime(new Date(Number.NaN), 'utc')).toBeUndefined();
    expect(enUsDateTime(new Date(Date.UTC(999, 11, 31)), 'utc')).toBeUndefined();
    expect(enUsDateTime(new Date(Date.UTC(10000, 0, 1)), 'utc')).toBeUndefined();
  });
});

describe('a percentage written out as en-US', () => {
  const intl = new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

  it.each([
    0, 1, 0.7647, 0.8545, 0.0625, 0.00049, 0.0005, 0.99995, 0.12345, 12.3456, 1234.5678, 5e-324,
  ])('%d reads as Intl writes it', (fraction) => {
    expect(enUsPercent(fraction)).toBe(intl.format(fraction));
  });

  it('rounds as Intl does over many values', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let index = 0; index < 2000; index += 1) {
      const fraction = index < 1000 ? random() : Math.round(random() * 20000) / 20000;
      expect(enUsPercent(fraction)).toBe(intl.format(fraction));
    }
  });

  it.each([-0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e12])('leaves %d to Intl', (value) => {
    expect(enUsPercent(value)).toBeUndefined();
  });
});
