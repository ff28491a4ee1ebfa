import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatCount } from '../../lib/format';
import {
  canResubmit,
  cancelBatch,
  jobQueryKey,
  resubmitBatchJob,
  setBatchPaused,
} from './batch-runner';
import { isOpen, progressOf, statusOf, type BatchJobStatus } from './batch-progress';
import type { Batch } from './batch-store';
import type { BatchPolls } from './use-batch-polls';
import { useQueryClient } from '@tanstack/react-query';

function useNow(intervalMs: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, running]);
  return now;
}

function StatusBadge({ status }: { status: BatchJobStatus }) {
  const [label, color] =
    status.kind === 'finished'
      ? [status.status, status.failed ? 'red' : 'green']
      : status.kind === 'polling'
        ? [status.status, 'blue']
        : status.kind === 'rejected' || status.kind === 'stalled'
          ? [status.kind === 'rejected' ? 'not sent' : 'stopped', 'red']
          : [status.kind, 'gray'];
  return (
    <Badge variant="light" color={color} size="sm">
      {label}
    </Badge>
  );
}

function range(ids: string[]): string {
  return ids.length > 1 ? `${ids[0] ?? ''} – ${ids.at(-1) ?? ''}` : (ids[0] ?? '');
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

/** A batch of jobs: progress, throughput, time left, controls, and every job's status. */
export function BatchPanel({ batch, polls }: { batch: Batch; polls: BatchPolls }) {
  const client = useQueryClient();
  const statuses = batch.jobs.map((job) =>
    statusOf(job, job.jobUrl ? polls.byUrl.get(job.jobUrl) : undefined),
  );
  const running = statuses.some(isOpen);
  const now = useNow(1_000, running);
  const progress = progressOf(batch, statuses, now);
  const throttledFor = Math.ceil((batch.throttledUntil - now) / 1000);
  const state = batch.cancelled
    ? 'cancelled'
    : progress.settled
      ? 'done'
      : batch.paused
        ? 'paused'
        : 'running';
  const percent =
    progress.documentsTotal > 0 ? (progress.documentsDone / progress.documentsTotal) * 100 : 0;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="batch-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="batch-heading">
            Batch
          </Title>
          <Badge size="lg" variant="light" aria-label={`Batch ${state}`}>
            {state}
          </Badge>
        </Group>
        <Progress value={percent} aria-label="Documents done" animated={!progress.settled} />
        <Text size="sm" aria-live="polite">
          {formatCount(progress.documentsDone)} / {formatCount(progress.documentsTotal)} documents ·{' '}
          {progress.jobsDone} / {progress.jobsTotal} jobs · {progress.throughput.toFixed(1)}{' '}
          documents/s
          {progress.secondsLeft !== undefined
            ? ` · about ${formatSeconds(progress.secondsLeft)} left`
            : ''}
        </Text>
        {throttledFor > 0 && running ? (
          <Alert color="yellow" variant="light" role="status">
            Throttled, retrying in {throttledFor} s ({batch.concurrency} job
            {batch.concurrency === 1 ? '' : 's'} at a time)
          </Alert>
        ) : null}
        {batch.oversized.length > 0 ? (
          <Alert color="orange" variant="light" role="alert" title="Not sent: too long for one job">
            {batch.oversized
              .map(({ id, characters }) => `${id} (${formatCount(characters)} characters)`)
              .join(', ')}{' '}
            — a job holds at most 125,000 characters.
          </Alert>
        ) : null}
        <Group gap="sm">
          {running && !batch.cancelled ? (
            <>
              <Button variant="light" onClick={() => setBatchPaused(!batch.paused)}>
                {batch.paused ? 'Resume' : 'Pause'}
              </Button>
              <Button variant="light" color="red" onClick={() => void cancelBatch()}>
                Cancel batch
              </Button>
            </>
          ) : null}
          <Text size="xs" c="dimmed">
            Up to {batch.concurrency} jobs at a time; fewer while the service throttles.
          </Text>
        </Group>
        <ScrollArea.Autosize mah={260} type="auto">
          <Table aria-label="Jobs" verticalSpacing={2} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Job</Table.Th>
                <Table.Th scope="col">Documents</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batch.jobs.map((job, index) => {
                const status = statuses[index] ?? { kind: 'queued' };
                const failed =
                  status.kind === 'rejected' || (status.kind === 'finished' && status.failed);
                return (
                  <Table.Tr key={job.index}>
                    <Table.Td>{job.index + 1}</Table.Td>
                    <Table.Td>
                      {range(job.documentIds)} ({job.documentIds.length})
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={status} />
                      {status.kind === 'rejected' || status.kind === 'stalled' ? (
                        <Text size="xs" c="red.8">
                          {status.error}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {failed && canResubmit(job.index) ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => resubmitBatchJob(job.index)}
                          aria-label={`Retry job ${job.index + 1}`}
                        >
                          Retry
                        </Button>
                      ) : null}
                      {status.kind === 'stalled' && job.jobUrl ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() =>
                            void client.refetchQueries({ queryKey: jobQueryKey(job.jobUrl ?? '') })
                          }
                          aria-label={`Resume polling job ${job.index + 1}`}
                        >
                          Resume polling
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}
