import '../../../components/data-styles';
import { Button, Group, Table, Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import { formatCount } from '../../../lib/format';
import { describeJob, documentRange, type Tone } from './job-words';
import type { RunJob } from '../store/run-model';
import type { RunLive } from '../engine/run-live';
import classes from './run-jobs.module.css';

interface JobCellProps {
  label: string;
  tone: Tone;
}

// One small square per job: hundreds of them stay cheap, and each re-renders only when it changes.
const JobCell = memo(function JobCell({ label, tone }: JobCellProps) {
  return <li className={classes.cell} data-tone={tone} aria-label={label} title={label} />;
});

interface RunJobsProps {
  jobs: RunJob[];
  live: RunLive;
  onSendAgain: (indexes: number[]) => void;
  onResumePolling: (index: number) => void;
}

/** Every job of the run as a square, a tally by status, and the jobs that need the user. */
export function RunJobs({ jobs, live, onSendAgain, onResumePolling }: RunJobsProps) {
  const { stalled } = live;
  // Worked out once per read of the jobs: the panel also re-renders every second for its clock,
  // and 4,000 squares compared each time were most of its work.
  const { tallied, grid, attention, unsure } = useMemo(() => {
    const described = jobs.map((job) => ({ job, ...describeJob(job, stalled.get(job.index)) }));
    const tally = new Map<string, number>();
    for (const { word } of described) tally.set(word, (tally.get(word) ?? 0) + 1);
    return {
      tallied: [...tally].map(([word, count]) => `${word} ${formatCount(count)}`).join(' · '),
      grid: (
        <ol className={classes.grid} aria-label="Jobs">
          {described.map(({ job, word, tone }) => (
            <JobCell
              key={job.index}
              label={`Job ${job.index + 1} (${documentRange(job)}): ${word}`}
              tone={tone}
            />
          ))}
        </ol>
      ),
      attention: described.filter(({ tone }) => tone === 'failed'),
      unsure: jobs.filter((job) => job.state === 'unsure').map((job) => job.index),
    };
  }, [jobs, stalled]);
  return (
    <>
      <Text size="sm" c="dimmed">
        {tallied}
      </Text>
      {grid}
      {unsure.length > 1 ? (
        <Group gap="sm">
          <Button variant="light" onClick={() => onSendAgain(unsure)}>
            Send all {formatCount(unsure.length)} again
          </Button>
          <Text size="xs" c="dimmed">
            The page closed while these jobs were being sent: the service may have received them.
            Send them again only if you do not mind possible duplicates on the service.
          </Text>
        </Group>
      ) : null}
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
            {attention.slice(0, 200).map(({ job, word }) => {
              const stopped = stalled.get(job.index);
              return (
                <Table.Tr key={job.index}>
                  <Table.Td>
                    {job.index + 1} ({documentRange(job)})
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="red.8">
                      {stopped?.message ?? job.error ?? `The job ${word}.`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {stopped ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => onResumePolling(job.index)}
                          aria-label={`Resume polling job ${job.index + 1}`}
                        >
                          Resume polling
                        </Button>
                      ) : (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => onSendAgain([job.index])}
                          aria-label={`${job.state === 'unsure' ? 'Send again' : 'Retry'} job ${job.index + 1}`}
                        >
                          {job.state === 'unsure' ? 'Send again' : 'Retry'}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
