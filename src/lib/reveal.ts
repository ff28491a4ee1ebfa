/**
 * Brings `region` to the top of the view (below the sticky header: see `scroll-padding-top`) and,
 * with a `target`, moves the focus there, so what a click changed off-screen is seen and heard.
 * A target that is not focusable by itself (a status badge) is made focusable by script only.
 */
export function reveal(region: HTMLElement, target?: HTMLElement | null): void {
  region.scrollIntoView({ block: 'start' });
  if (!target) return;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}
