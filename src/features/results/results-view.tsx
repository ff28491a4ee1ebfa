import { Card, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { JobPoll } from '../../service/jobs';
import { isFinished } from '../../service/model';
import { RawResponse } from './raw-response';
import { ResultsTable } from './results-table';

// The chart library is the heaviest dependency; it loads only once there is something to chart.
const TopClassChart = lazy(() => import('./top-class-chart'));

export function ResultsView({ poll }: { poll: JobPoll }) {
  const { documents } = poll.snapshot;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="results-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="results-heading">
          Results
        </Title>
        {documents.length === 0 ? (
          <Text c="dimmed">
            {isFinished(poll.snapshot.phase)
              ? 'The job returned no documents.'
              : 'Results appear here when the job is done.'}
          </Text>
        ) : (
          <>
            <Title order={3} size="h6">
              Documents per top class
            </Title>
            <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
              <TopClassChart documents={documents} />
            </Suspense>
            <ResultsTable documents={documents} />
          </>
        )}
        <RawResponse raw={poll.raw} />
      </Stack>
    </Card>
  );
}
