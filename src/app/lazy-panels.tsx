import { lazy, Suspense, type ComponentProps } from 'react';
import { useIdle } from './use-idle';
import { PanelFallback } from './panel-fallback';
import { RunsGate } from './lazy-runs';

// What only a later step needs comes in chunks of its own, loaded when first rendered.
const LazyRunArea = lazy(() => import('./run-area').then(({ RunArea }) => ({ default: RunArea })));

/**
 * The open run and the list of runs, with the runs store they read. Mounted once the browser is
 * idle after the first screen: opening IndexedDB and drawing the runs is then a task of its own,
 * apart from the one that makes the form live.
 */
export function RunArea(props: ComponentProps<typeof LazyRunArea>) {
  const idle = useIdle();
  const fallback = <PanelFallback what="runs" />;
  if (!idle) return fallback;
  return (
    <Suspense fallback={fallback}>
      <RunsGate>
        <LazyRunArea {...props} />
      </RunsGate>
    </Suspense>
  );
}
