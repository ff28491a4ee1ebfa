// @vitest-environment happy-dom
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
} from '@tanstack/react-virtual';
import { describe, expect, it, vi } from 'vitest';
import { scrollUnlessNew } from './measure-without-layout';

/** A virtualizer on `element`, not started (it would scroll): only its scroller is set. */
function virtualizerOf(element: HTMLDivElement) {
  const instance = new Virtualizer<HTMLDivElement, HTMLDivElement>({
    count: 0,
    getScrollElement: () => element,
    estimateSize: () => 40,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
  });
  instance.scrollElement = element;
  return instance;
}

describe('scrollUnlessNew', () => {
  it('skips only the first write to a new scroller that puts it at the top', () => {
    const element = document.createElement('div');
    const scrollTo = vi.spyOn(element, 'scrollTo');
    const instance = virtualizerOf(element);
    scrollUnlessNew(0, {}, instance);
    expect(scrollTo).not.toHaveBeenCalled();
    scrollUnlessNew(0, {}, instance);
    expect(scrollTo).toHaveBeenCalledTimes(1);
    scrollUnlessNew(400, { behavior: 'smooth' }, instance);
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 400, behavior: 'smooth' });
  });

  it('writes a first scroll that goes somewhere', () => {
    const element = document.createElement('div');
    const scrollTo = vi.spyOn(element, 'scrollTo');
    scrollUnlessNew(120, {}, virtualizerOf(element));
    expect(scrollTo).toHaveBeenCalledWith({ top: 120, behavior: undefined });
  });
});
