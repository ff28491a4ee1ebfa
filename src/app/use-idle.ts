import { useEffect, useState } from 'react';
import { whenIdle } from '../lib/when-idle';

/** False until the browser is first idle after this component mounted, then true for good. */
export function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let live = true;
    whenIdle(() => {
      if (live) setIdle(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return idle;
}
