import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

interface PanelErrorBoundaryProps {
  /** The panel's name as the page shows it: "Results", "Job". */
  panel: string;
  /** What survives the failure, said to the user; the default fits a panel showing a run. */
  kept?: string;
  /** When one of these changes (another job opened, new results), the panel is drawn again by itself. */
  resetKeys?: unknown[];
  onError?: (error: unknown) => void;
  children: ReactNode;
}

const KEPT = 'Your run and its results are kept: nothing was lost or sent again.';

function PanelFailure({
  panel,
  kept,
  resetErrorBoundary,
}: Pick<FallbackProps, 'resetErrorBoundary'> & { panel: string; kept: string }) {
  return (
    <Alert color="red" variant="light" role="alert" title={`The ${panel} panel could not be shown`}>
      <Stack gap="xs" align="flex-start">
        {/* The error itself is not shown: it may quote the hostile data that caused it. */}
        <Text size="sm">
          Something in the data it was given made this panel fail; the rest of the page still works.{' '}
          {kept}
        </Text>
        <Button size="xs" variant="default" onClick={() => resetErrorBoundary()}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}

/** One panel's failure stays in that panel instead of blanking the whole page. */
export function PanelErrorBoundary({
  panel,
  kept = KEPT,
  resetKeys,
  onError,
  children,
}: PanelErrorBoundaryProps) {
  return (
    <ErrorBoundary
      fallbackRender={({ resetErrorBoundary }) => (
        <PanelFailure panel={panel} kept={kept} resetErrorBoundary={resetErrorBoundary} />
      )}
      {...(resetKeys ? { resetKeys } : {})}
      {...(onError ? { onError } : {})}
    >
      {children}
    </ErrorBoundary>
  );
}
