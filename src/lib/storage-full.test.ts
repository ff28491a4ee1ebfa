import { describe, expect, it } from 'vitest';
import { isStorageFull } from './storage-full';

const quota = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });

describe('isStorageFull', () => {
  it('knows the quota error, as thrown, inside an abort and among a bulk write’s failures', () => {
    expect(isStorageFull(quota())).toBe(true);
    expect(isStorageFull(Object.assign(new Error('aborted'), { inner: quota() }))).toBe(true);
    expect(
      isStorageFull(Object.assign(new Error('bulk'), { failures: [new Error('x'), quota()] })),
    ).toBe(true);
  });

  it('is false for anything else', () => {
    expect(isStorageFull(new Error('network'))).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
  });
});
