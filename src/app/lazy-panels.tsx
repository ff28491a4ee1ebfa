import { lazy, Suspense, type ComponentProps } from 'react';
import { PanelFallback } from './panel-fallback';
import { RunsGate } from './lazy-runs';

// What only a later step needs comes in chunks of its own, loaded when first rendered.
const LazyRunArea = lazy(() => import('./run-area').then(({ RunArea }) => ({ default: RunArea })));

/** The open run and the list of runs, with the runs store they read. */
export function RunArea(props: ComponentProps<typeof LazyRunArea>) {
  return (
    <Suspense fallback={<PanelFallback what="runs" />}>
      <RunsGate>
        <LazyRunArea {...props} />
      </RunsGate>
    </Suspense>
  );
}
