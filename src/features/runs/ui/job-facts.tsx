import { SimpleGrid, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format';
import { useCachedJobPoll } from './use-cached-job-poll';
import type { RunJob } from '../store/run-model';

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
function jobIdFromUrl(jobUrl: string | undefined): string | undefined {
  return jobUrl ? new URL(jobUrl).pathname.split('/').pop() : undefined;
}

/**
 * The facts of a run's only job. The last answer is read from the query cache (the runner's
 * polls fill it) and never fetched from here; after a reload the stored facts stand in.
 */
export function JobFacts({ job }: { job: RunJob }) {
  const snapshot = useCachedJobPoll(job.jobUrl)?.snapshot;
  const tasks = snapshot?.tasks;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      <Fact label="Job ID">{snapshot?.jobId ?? job.jobId ?? jobIdFromUrl(job.jobUrl) ?? '—'}</Fact>
      <Fact label="Tasks done">{tasks ? `${tasks.completed} / ${tasks.total}` : '—'}</Fact>
      <Fact label="Documents returned">{snapshot ? snapshot.documents.length : '—'}</Fact>
      <Fact label="Submitted">
        {job.submittedAt ? formatDateTime(new Date(job.submittedAt).toISOString()) : '—'}
      </Fact>
      <Fact label="Last update">{formatDateTime(snapshot?.updatedAt)}</Fact>
      <Fact label="Expires">{formatDateTime(snapshot?.expiresAt)}</Fact>
    </SimpleGrid>
  );
}
