import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isFirstVisit } from './first-visit';

/** A localStorage holding `keys`. */
function kept(...keys: string[]): Pick<Storage, 'length' | 'key' | 'getItem'> {
  return {
    length: keys.length,
    key: (index) => keys[index] ?? null,
    getItem: (key) => (keys.includes(key) ? 'dark' : null),
  };
}

/** What public/boot.js, run before the first paint, makes of the same storage. */
function bootSaysReturning(storage: () => Pick<Storage, 'length' | 'key' | 'getItem'>): boolean {
  const attributes = new Map<string, string>();
  runInNewContext(readFileSync('public/boot.js', 'utf8'), {
    document: {
      documentElement: {
        setAttribute: (name: string, value: string) => attributes.set(name, value),
      },
    },
    get localStorage() {
      return storage();
    },
    window: { matchMedia: () => ({ matches: false }) },
  });
  return attributes.has('data-returning');
}

const CASES: [string, () => Pick<Storage, 'length' | 'key' | 'getItem'>, boolean][] = [
  ['nothing kept', () => kept(), true],
  ['only the color scheme', () => kept('classify-console:color-scheme'), true],
  ["another app's keys", () => kept('theme', 'other-app:settings'), true],
  ['the connection settings', () => kept('classify-console:connection'), false],
  [
    'a draft beside the color scheme',
    () => kept('classify-console:color-scheme', 'classify-console:documents'),
    false,
  ],
  ['the runs view', () => kept('classify-console:runs-ui'), false],
  [
    'storage that cannot be read',
    () => {
      throw new Error('SecurityError');
    },
    true,
  ],
];

describe('a first visit (the prerendered screen is hydrated)', () => {
  it.each(CASES)('%s: first visit %s', (_name, storage, first) => {
    expect(isFirstVisit(storage)).toBe(first);
  });

  it.each(CASES)('%s: public/boot.js agrees before the first paint', (_name, storage, first) => {
    expect(bootSaysReturning(storage)).toBe(!first);
  });
});
