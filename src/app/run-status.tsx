import { lazy, Suspense } from 'react';
import { useIdle } from './use-idle';
import { RunsGate } from './lazy-runs';

const LazyBadge = lazy(() =>
  import('./run-status-badge').then(({ RunStatusBadge }) => ({ default: RunStatusBadge })),
);

/** The header's run status, loaded with the runs once the browser is idle after the first paint. */
export function RunStatus() {
  const idle = useIdle();
  if (!idle) return null;
  return (
    <Suspense fallback={null}>
      <RunsGate>
        <LazyBadge />
      </RunsGate>
    </Suspense>
  );
}
