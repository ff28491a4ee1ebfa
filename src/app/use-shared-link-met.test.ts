// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSharedLinkMet } from './use-shared-link-met';

afterEach(() => history.replaceState(null, '', '/'));

function openFragment(hash: string) {
  const oldURL = location.href;
  history.replaceState(null, '', hash || location.pathname);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
}

describe('whether a shared link was met', () => {
  it('is not, on a visit without one', () => {
    history.replaceState(null, '', '#results');
    const { result } = renderHook(() => useSharedLinkMet());
    expect(result.current).toBe(false);
  });

  it('is, when the page opens on one, and stays so once the prompt clears the fragment', () => {
    history.replaceState(null, '', '#view=%7B%7D');
    const { result } = renderHook(() => useSharedLinkMet());
    expect(result.current).toBe(true);
    act(() => openFragment(''));
    expect(result.current).toBe(true);
  });

  it('is, when one is pasted into the open tab', () => {
    const { result } = renderHook(() => useSharedLinkMet());
    act(() => openFragment('#other'));
    expect(result.current).toBe(false);
    act(() => openFragment('#view=%7Bbroken'));
    expect(result.current).toBe(true);
  });
});
