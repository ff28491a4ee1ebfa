// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const NAME = 'classify-console:improve-choices';

async function freshStore() {
  vi.resetModules();
  return import('./improve-choices-store');
}

afterEach(() => localStorage.clear());

describe('improve choices', () => {
  it('start at the defaults and are kept per run, across a reload', async () => {
    const first = await freshStore();
    const { result } = renderHook(() => ({
      one: first.useImproveChoices('run-1'),
      two: first.useImproveChoices('run-2'),
      actions: first.useImproveChoicesActions(),
    }));
    expect(result.current.one).toEqual(first.DEFAULT_IMPROVE_CHOICES);
    act(() => result.current.actions.choose('run-1', { includeGold: true }));
    act(() => result.current.actions.choose('run-1', { addAs: 'Test' }));
    expect(result.current.one).toEqual({ includeGold: true, addAs: 'Test' });
    expect(result.current.two).toEqual(first.DEFAULT_IMPROVE_CHOICES);

    const reloaded = await freshStore();
    const { result: after } = renderHook(() => reloaded.useImproveChoices('run-1'));
    expect(after.current).toEqual({ includeGold: true, addAs: 'Test' });
  });

  it('a damaged entry in storage means the defaults', async () => {
    localStorage.setItem(
      NAME,
      JSON.stringify({ state: { byRun: { 'run-1': { addAs: 'All' } } }, version: 1 }),
    );
    const store = await freshStore();
    const { result } = renderHook(() => store.useImproveChoices('run-1'));
    expect(result.current).toEqual(store.DEFAULT_IMPROVE_CHOICES);
  });
});
