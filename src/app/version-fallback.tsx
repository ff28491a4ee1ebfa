import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useConnectionActions } from '../features/connection/connection-store';
import type { Run, RunJob } from '../features/runs/store/run-model';
import { useRunCoordinator } from '../features/runs/ui/runs-context';
import { useRunsUiActions } from '../features/runs/ui/runs-ui-store';
import { isVersionUnavailable, previousVersionOf, type ApiVersion } from '../service/api-profiles';

interface VersionUnavailableProps {
  version: string;
  /** What the service said, in its words. */
  said: string;
  previous: ApiVersion | undefined;
  onUsePrevious: (previous: ApiVersion) => void;
  pending?: boolean;
}

/**
 * A resource that does not offer the chosen API version, said plainly, with the version before it
 * one click away. Previews in particular reach regions and resources at different times.
 */
export function VersionUnavailable({
  version,
  said,
  previous,
  onUsePrevious,
  pending = false,
}: VersionUnavailableProps) {
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={`API version ${version} is not available on this resource`}
    >
      <Stack gap="xs">
        <Text size="sm">
          The service answered “{said}” to api-version {version}: this resource does not offer that
          version, or not yet (preview versions reach resources and regions at different times).
          {previous
            ? ` ${previous} is the version before it.`
            : ' Choose another API version in the form.'}
        </Text>
        {previous ? (
          <Button
            variant="filled"
            color="orange"
            loading={pending}
            onClick={() => onUsePrevious(previous)}
            style={{ alignSelf: 'flex-start' }}
          >
            Use {previous} and send again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * Under the open run: when the service refused its API version, the form switches to the previous
 * version and the run's documents go again as a new run with it (the failed run stays as it was).
 */
export function RunVersionFallback({ run, jobs }: { run: Run; jobs: readonly RunJob[] }) {
  const coordinator = useRunCoordinator();
  const { open } = useRunsUiActions();
  const { setField } = useConnectionActions();
  const [pending, setPending] = useState(false);
  const refused = jobs.find((job) => job.failure && isVersionUnavailable(job.failure));
  if (!refused?.failure) return null;
  const version = run.settings.apiVersion;
  const { problem } = refused.failure;
  return (
    <VersionUnavailable
      version={version}
      said={problem ? `${problem.code} ${problem.message}` : refused.failure.message}
      previous={previousVersionOf(version)}
      pending={pending}
      onUsePrevious={(previous) => {
        setField('apiVersion', previous);
        setPending(true);
        void coordinator
          .rerun(run.id, { ...run.settings, apiVersion: previous })
          .then((next) => next && open(next.id))
          .finally(() => setPending(false));
      }}
    />
  );
}
