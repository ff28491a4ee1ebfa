import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import classes from './batch-panel.module.css';
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

type Tone = 'done' | 'failed' | 'running' | 'waiting';

function describe(status: BatchJobStatus): { word: string; tone: Tone } {
  switch (status.kind) {
    case 'finished':
      return { word: status.status, tone: status.failed ? 'failed' : 'done' };
    case 'polling':
      return { word: status.status, tone: 'running' };
    case 'rejected':
      return { word: 'not sent', tone: 'failed' };
    case 'stalled':
      return { word: 'stopped following', tone: 'failed' };
    case 'submitting':
      return { word: 'sending', tone: 'running' };
    case 'queued':
    case 'cancelled':
      return { word: status.kind, tone: 'waiting' };
  }
}

interface JobCellProps {
  label: string;
  tone: Tone;
}

// One small square per job: hundreds of them stay cheap, and each re-renders only when it changes.
const JobCell = memo(function JobCell({ label, tone }: JobCellProps) {
  return <li className={classes.cell} data-tone={tone} aria-label={label} title={label} />;
});

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
  const cells = batch.jobs.map((job, index) => {
    const { word, tone } = describe(statuses[index] ?? { kind: 'queued' });
    const documents = job.documentCount > 1 ? `${job.firstId} – ${job.lastId}` : job.firstId;
    return { key: job.index, label: `Job ${job.index + 1} (${documents}): ${word}`, tone };
  });
  const tally: Record<string, number> = {};
  for (const status of statuses) {
    const { word } = describe(status);
    tally[word] = (tally[word] ?? 0) + 1;
  }
  const attention = batch.jobs.flatMap((job, index) => {
    const status = statuses[index];
    return status && describe(status).tone === 'failed' ? [{ job, status }] : [];
  });
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
        <Text size="sm" c="dimmed">
          {Object.entries(tally)
            .map(([word, count]) => `${word} ${formatCount(count)}`)
            .join(' · ')}
        </Text>
        <ol className={classes.grid} aria-label="Jobs">
          {cells.map((cell) => (
            <JobCell key={cell.key} label={cell.label} tone={cell.tone} />
          ))}
        </ol>
        {attention.length > 0 ? (
          <Table aria-label="Jobs that need attention" verticalSpacing={2} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Job</Table.Th>
                <Table.Th scope="col">What happened</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attention.map(({ job, status }) => (
                <Table.Tr key={job.index}>
                  <Table.Td>
                    {job.index + 1} ({job.firstId} – {job.lastId})
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="red.8">
                      {status.kind === 'rejected' || status.kind === 'stalled'
                        ? status.error
                        : `The job ${describe(status).word}.`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
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
                    ) : canResubmit(job.index) ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => resubmitBatchJob(job.index)}
                        aria-label={`Retry job ${job.index + 1}`}
                      >
                        Retry
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Card>
  );
}
