import { COLOR_SCHEME_KEY } from './root';

/** What the app keeps on the device (localStorage) is named with this prefix. */
export const KEPT_PREFIX = 'classify-console:';

/**
 * Whether this device keeps nothing that changes the first screen, so the first screen the build
 * prerendered (the form on the demo, scripts/prerender.ts) is exactly what React renders, and React
 * can hydrate it instead of replacing it. Anything kept (settings, a draft, the runs' view) may
 * differ from the demo's, and markup that does not match must not be hydrated. The color scheme
 * does not count: it changes no markup (public/boot.js sets it on <html>, CSS does the rest).
 * Storage that cannot be read keeps nothing. public/boot.js applies the same rule before the first
 * paint (first-visit.test.ts holds the two together).
 */
export function isFirstVisit(storage: () => Pick<Storage, 'length' | 'key'>): boolean {
  try {
    const kept = storage();
    for (let index = 0; index < kept.length; index += 1) {
      const key = kept.key(index);
      if (key?.startsWith(KEPT_PREFIX) && key !== COLOR_SCHEME_KEY) return false;
    }
    return true;
  } catch {
    return true;
  }
}
