import {
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { RetryNotice } from '../../components/retry-notice';
import { ServiceErrorAlert } from '../../components/service-error-alert';
import { formatDateTime } from '../../lib/format';
import { ServiceError } from '../../service/errors';
import { failureOf, type JobPoll } from '../../service/jobs';
import { isFinished, type JobPhase } from '../../service/model';

const PHASE_COLORS: Record<JobPhase, string> = {
  waiting: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
  cancelled: 'orange',
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The id is the last path segment of the job URL, so it can be shown before the first poll. */
function jobIdFromUrl(jobUrl: string): string {
  return new URL(jobUrl).pathname.split('/').pop() ?? jobUrl;
}

interface JobPanelProps {
  jobUrl: string;
  query: UseQueryResult<JobPoll>;
  /** Set to the job's endpoint while the form has no valid key for it. */
  waitingFor: string | undefined;
}

function followErrorTitle(error: Error): string {
  if (error instanceof ServiceError && error.status === 404)
    return 'The job has expired or is gone';
  return 'Stopped following the job';
}

export function JobPanel({ jobUrl, query, waitingFor }: JobPanelProps) {
  const { data: poll, error, isFetching, failureCount, failureReason } = query;
  const snapshot = poll?.snapshot;
  const retrying = isFetching && failureCount > 0 && !error;
  const canResume =
    error instanceof ServiceError && error.kind !== 'foreign-origin' && error.status !== 404;
  const finished = snapshot ? isFinished(snapshot.phase) : false;
  const tasks = snapshot?.tasks;
  const failure = snapshot ? failureOf(snapshot) : undefined;
  const progress = tasks && tasks.total > 0 ? (tasks.completed / tasks.total) * 100 : 0;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="job-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="job-heading">
            Job
          </Title>
          <Badge
            size="lg"
            variant="light"
            color={snapshot ? PHASE_COLORS[snapshot.phase] : 'gray'}
            aria-label={`Status: ${snapshot?.status ?? 'submitted'}`}
          >
            {snapshot?.status ?? 'submitted'}
          </Badge>
        </Group>
        {!finished && !error && !waitingFor ? (
          <Progress
            value={snapshot?.phase === 'running' ? Math.max(progress, 50) : 15}
            animated
            striped
            aria-label="Job progress"
          />
        ) : null}
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Fact label="Job ID">{snapshot?.jobId ?? jobIdFromUrl(jobUrl)}</Fact>
          <Fact label="Tasks done">{tasks ? `${tasks.completed} / ${tasks.total}` : '—'}</Fact>
          <Fact label="Documents returned">{snapshot ? snapshot.documents.length : '—'}</Fact>
          <Fact label="Created">{formatDateTime(snapshot?.createdAt)}</Fact>
          <Fact label="Last update">{formatDateTime(snapshot?.updatedAt)}</Fact>
          <Fact label="Expires">{formatDateTime(snapshot?.expiresAt)}</Fact>
        </SimpleGrid>
        {snapshot?.displayName ? <Fact label="Job name">{snapshot.displayName}</Fact> : null}
        {waitingFor && !finished ? (
          <Text size="sm" c="orange.8">
            Enter the endpoint {waitingFor} and its key to resume following this job.
          </Text>
        ) : null}
        {isFetching && !finished && snapshot ? (
          <Text size="xs" c="dimmed">
            Checking the job…
          </Text>
        ) : null}
        {failure && snapshot ? (
          <ServiceErrorAlert
            title={snapshot.phase === 'cancelled' ? 'Job cancelled' : 'Job failed'}
            error={failure}
            problems={snapshot.errors.slice(1)}
          />
        ) : null}
        {retrying ? (
          <RetryNotice key={failureCount} reason={failureReason} failureCount={failureCount} />
        ) : null}
        {error ? (
          <>
            <ServiceErrorAlert title={followErrorTitle(error)} error={error} />
            {canResume ? (
              <Group gap="sm">
                <Button variant="light" onClick={() => void query.refetch()} loading={isFetching}>
                  Resume polling
                </Button>
                <Text size="xs" c="dimmed">
                  The job keeps running on the service; its results stay there for 24 hours.
                </Text>
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
