// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { useDocumentsActions } from './documents-store';
import { ImportSaving, useWarnBeforeUnload } from './import-saving';

afterEach(cleanup);

/** Whether a reload now would be held up by the page (its beforeunload handler objects). */
function reloadIsHeldUp(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('useWarnBeforeUnload', () => {
  it('holds up a reload only while active, and lets go once done or unmounted', () => {
    const hook = renderHook(({ active }) => useWarnBeforeUnload(active), {
      initialProps: { active: false },
    });
    expect(reloadIsHeldUp()).toBe(false);
    hook.rerender({ active: true });
    expect(reloadIsHeldUp()).toBe(true);
    hook.rerender({ active: false });
    expect(reloadIsHeldUp()).toBe(false);
    hook.rerender({ active: true });
    hook.unmount();
    expect(reloadIsHeldUp()).toBe(false);
  });
});

describe('ImportSaving', () => {
  it('says Saving… in a polite live region while an import is stored, and warns before unload', async () => {
    renderWithProviders(<ImportSaving />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');
    const { result } = renderHook(() => useDocumentsActions());
    act(() =>
      result.current.setImported({
        sourceName: 'tickets.csv',
        documents: [{ id: 'T-1', text: 'Refund please' }],
      }),
    );
    expect(status.textContent).toMatch(/^Saving…/);
    expect(reloadIsHeldUp()).toBe(true);
    // The draft database stores it; then the words go and a reload is free again.
    await screen.findByText('', { selector: '[role="status"]:empty' });
    expect(reloadIsHeldUp()).toBe(false);
  });
});
