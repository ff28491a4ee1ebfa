// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STAYED_AFTER_MS, watchPageLeaving } from './page-leaving';

afterEach(() => vi.useRealTimers());

describe('page leaving', () => {
  it('is leaving from beforeunload, and stays so through pagehide', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const page = watchPageLeaving(target);
    expect(page.isLeaving()).toBe(false);
    target.dispatchEvent(new Event('beforeunload'));
    expect(page.isLeaving()).toBe(true);
    target.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(STAYED_AFTER_MS * 2);
    expect(page.isLeaving()).toBe(true);
  });

  it('a beforeunload the user cancelled is forgotten after a moment, and the run is told', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const page = watchPageLeaving(target);
    const stayed = vi.fn();
    page.onStayed(stayed);
    target.dispatchEvent(new Event('beforeunload'));
    vi.advanceTimersByTime(STAYED_AFTER_MS);
    expect(page.isLeaving()).toBe(false);
    expect(stayed).toHaveBeenCalledOnce();
  });

  it('a page back from the back-forward cache carries on', () => {
    const target = new EventTarget();
    const page = watchPageLeaving(target);
    target.dispatchEvent(new Event('pagehide'));
    expect(page.isLeaving()).toBe(true);
    const shown = Object.assign(new Event('pageshow'), { persisted: true });
    target.dispatchEvent(shown);
    expect(page.isLeaving()).toBe(false);
  });
});
