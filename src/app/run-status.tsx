import { lazy, Suspense, useEffect, useState } from 'react';
import { whenIdle } from '../lib/when-idle';
import { RunsGate } from './lazy-runs';

const LazyBadge = lazy(() =>
  import('./run-status-badge').then(({ RunStatusBadge }) => ({ default: RunStatusBadge })),
);

/** The header's run status, loaded with the runs once the browser is idle after the first paint. */
export function RunStatus() {
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
  if (!idle) return null;
  return (
    <Suspense fallback={null}>
      <RunsGate>
        <LazyBadge />
      </RunsGate>
    </Suspense>
  );
}
