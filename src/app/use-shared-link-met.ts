import { useEffect, useState } from 'react';
import { viewPayload } from '../features/connection/share-link';

/**
 * Whether this tab has met a shared link (`#view=…`), on load or since. The prompt's chunk (its
 * schema and dialog, ~10 ms to evaluate) is fetched only then, not on every visit; once met, it
 * stays mounted, as it clears the fragment it reads.
 */
export function useSharedLinkMet(): boolean {
  const [met, setMet] = useState(false);
  useEffect(() => {
    if (met) return;
    const check = () => {
      if (viewPayload(location.hash) !== undefined) setMet(true);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [met]);
  return met;
}
