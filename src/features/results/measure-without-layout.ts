import { elementScroll, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * The results table's height, one value for both tables (the CSS reads `--results-scroller-height`):
 * the virtual table's first rows are chosen for it.
 */
export const SCROLLER_HEIGHT = 560;

type RowsVirtualizer = Virtualizer<HTMLDivElement, HTMLDivElement>;

/**
 * The scroller's size from its ResizeObserver only. TanStack's default also reads `clientHeight`
 * as it starts; in the commit that turned the table virtual, that read laid out the whole page in
 * the middle of a script task (46–90 ms with 10,000 results). The observer reports after the
 * frame's own layout, and `initialRect` ({@link SCROLLER_HEIGHT}) stands in until then.
 */
export function observeScrollerRect(
  instance: RowsVirtualizer,
  onRect: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined')
    return observeElementRect(instance, onRect);
  const observer = new ResizeObserver(() => {
    // After layout: reading the size here costs nothing.
    onRect({ width: element.clientWidth, height: element.clientHeight });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * A row's height: its ResizeObserver entry's when there is one, else the height already known (or
 * estimated). TanStack's default reads `offsetHeight` as each row mounts, which forces a layout
 * in the commit; every mounted row is observed, and its entry (after the frame's layout) brings
 * its real height. Rows are at least as tall as estimated (their min-height), so a row shown at
 * its estimate for that one frame at most overlaps the row below, never leaves a gap.
 */
export function rowHeight(
  element: HTMLDivElement,
  entry: ResizeObserverEntry | undefined,
  instance: RowsVirtualizer,
): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ??
    instance.options.estimateSize(index)
  );
}

/** Scrollers whose position has been written once. */
const written = new WeakSet<Element>();

/**
 * TanStack's `elementScroll`, less the first write to a new scroller when it puts it at the top:
 * as it starts, it scrolls the scroller to where it is, and a scroll lays the page out first, in
 * the middle of the commit (with 10,000 results, the same 40–120 ms as reading the sizes). A
 * scroller just put in the page is at the top already, so that write changes nothing.
 */
export function scrollUnlessNew(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: RowsVirtualizer,
): void {
  const element = instance.scrollElement;
  if (element && !written.has(element)) {
    written.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
