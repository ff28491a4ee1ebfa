import { Button, Group } from '@mantine/core';
import { memo } from 'react';
import { useBatch } from '../features/jobs/batch-store';
import { JobHistory } from '../features/jobs/job-history';
import { useJobActions, useTrackedJob } from '../features/jobs/job-store';
import type { Credentials } from '../service/http';
import { BatchSection } from './batch-section';
import { JobSection } from './job-section';

interface JobAreaProps {
  credentials: Credentials | undefined;
  labels: Map<string, string> | undefined;
}

/**
 * The job or batch on screen, and the history. Apart from the form so that polls and batch
 * progress re-render only this, and typing in the form does not re-render thousands of results.
 */
export const JobArea = memo(
  function JobArea({ credentials, labels }: JobAreaProps) {
    const job = useTrackedJob();
    const batch = useBatch();
    const { select } = useJobActions();
    return (
      <>
        {job && batch ? (
          <Group>
            <Button variant="subtle" onClick={() => select(undefined)}>
              Back to the batch
            </Button>
          </Group>
        ) : null}
        {job ? (
          <JobSection key={job.jobUrl} job={job} credentials={credentials} labels={labels} />
        ) : batch ? (
          <BatchSection key={batch.id} batch={batch} credentials={credentials} labels={labels} />
        ) : null}
        <JobHistory />
      </>
    );
  },
  (before, after) =>
    before.labels === after.labels &&
    before.credentials?.endpoint === after.credentials?.endpoint &&
    before.credentials?.key === after.credentials?.key,
);
