import { Button, Group, Text } from '@mantine/core';
import { ServiceErrorAlert } from '../../../components/service-error-alert';
import { ServiceError } from '../../../service/errors';
import type { RunJob } from '../store/run-model';

const TITLES: Partial<Record<RunJob['state'], string>> = {
  refused: 'Could not submit the job',
  unsure: 'The job may not have been sent',
  expired: 'The job has expired or is gone',
};

interface JobAlertProps {
  job: RunJob;
  stalled: Error | undefined;
  onSendAgain: () => void;
  onResumePolling: () => void;
}

/** Why a run's only job needs the user, explained like every other failure, with what to do. */
export function JobAlert({ job, stalled, onSendAgain, onResumePolling }: JobAlertProps) {
  if (stalled) {
    return (
      <>
        <ServiceErrorAlert title="Stopped following the job" error={stalled} />
        <Group gap="sm">
          <Button variant="light" onClick={onResumePolling}>
            Resume polling
          </Button>
          <Text size="xs" c="dimmed">
            The job keeps running on the service; its results stay there for 24 hours.
          </Text>
        </Group>
      </>
    );
  }
  const failed = job.state === 'finished' && job.outcome !== 'done';
  const title = failed
    ? job.outcome === 'cancelled'
      ? 'Job cancelled'
      : 'Job failed'
    : TITLES[job.state];
  if (!title) return null;
  const error = job.failure
    ? new ServiceError(job.failure)
    : new Error(job.error ?? 'The job did not finish.');
  return (
    <>
      <ServiceErrorAlert title={title} error={error} />
      {job.state === 'unsure' || job.state === 'refused' || job.state === 'expired' ? (
        <Group gap="sm">
          <Button variant="light" onClick={onSendAgain}>
            Send again
          </Button>
          {job.state === 'unsure' ? (
            <Text size="xs" c="dimmed">
              {job.error}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </>
  );
}
