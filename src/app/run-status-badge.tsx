import { Button } from '@mantine/core';
import { useRunsUiActions } from '../features/runs/ui/runs-ui-store';
import type { RunStatus } from '../features/runs/engine/run-schedule';
import { useRunStatusSummary } from '../features/runs/ui/use-runs';

const COLORS: Partial<Record<RunStatus, string>> = {
  'needs-attention': 'orange',
  'waiting-for-key': 'orange',
  'done-with-failures': 'orange',
};

/** The run's state in the header; pressed, it brings the run into view. */
export function RunStatusBadge() {
  const summary = useRunStatusSummary();
  const { open } = useRunsUiActions();
  return (
    // Polite: a change of the run's state is read out without interrupting.
    <div role="status" aria-live="polite">
      {summary ? (
        <Button
          size="compact-sm"
          variant="white"
          color={COLORS[summary.status] ?? 'blue'}
          onClick={() => {
            open(summary.runId);
            requestAnimationFrame(() => {
              const heading = document.getElementById('run-heading');
              heading?.scrollIntoView({ block: 'start' });
            });
          }}
        >
          {summary.words}
        </Button>
      ) : null}
    </div>
  );
}
