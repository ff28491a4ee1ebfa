/**
 * Whether the page is going away: once `beforeunload` or `pagehide` has fired, no new POST starts
 * (it could leave without its answer ever being read, and the job would then be "maybe sent").
 * A `beforeunload` the user cancels (a "Leave site?" prompt, a download link) is forgotten after
 * a moment, and a page restored from the back-forward cache carries on.
 */
export interface PageLeaving {
  isLeaving: () => boolean;
  /** Called when the page turns out to stay after all. */
  onStayed: (listener: () => void) => () => void;
}

/** How long after a `beforeunload` the page counts as staying (no unload came). */
export const STAYED_AFTER_MS = 2_000;

export function watchPageLeaving(
  target: EventTarget | undefined = typeof window === 'undefined' ? undefined : window,
): PageLeaving {
  let leaving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const stayed = () => {
    leaving = false;
    for (const listener of listeners) listener();
  };
  if (target) {
    target.addEventListener('beforeunload', () => {
      leaving = true;
      if (timer) clearTimeout(timer);
      // Timers do not run once the page is gone: this one runs only if it stayed.
      timer = setTimeout(stayed, STAYED_AFTER_MS);
    });
    target.addEventListener('pagehide', () => {
      leaving = true;
      if (timer) clearTimeout(timer);
    });
    target.addEventListener('pageshow', (event) => {
      if ('persisted' in event && event.persisted === true) stayed();
    });
  }
  return {
    isLeaving: () => leaving,
    onStayed: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** For tests and scripts: a page that never leaves unless told. */
export function stayingPage(): PageLeaving & { leave: () => void; stay: () => void } {
  let leaving = false;
  const listeners = new Set<() => void>();
  return {
    isLeaving: () => leaving,
    onStayed: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    leave: () => {
      leaving = true;
    },
    stay: () => {
      leaving = false;
      for (const listener of listeners) listener();
    },
  };
}
