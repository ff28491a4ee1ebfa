import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { phaseOf } from '../../service/normalize';
import { useJobActions, useTrackedJobs } from './job-store';

const RETENTION_MS = 24 * 60 * 60 * 1000;

/** Every job this browser submitted, newest first: each can be opened again while the service keeps it. */
export function JobHistory() {
  const jobs = useTrackedJobs();
  const { select, forget } = useJobActions();
  // Expiry is judged against the time the list was first shown; a stale "Open" only meets a 404.
  const [now] = useState(() => Date.now());
  if (jobs.length < 2) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="history-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="history-heading">
          Recent jobs
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="history-heading" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Submitted</Table.Th>
                <Table.Th scope="col">Job ID</Table.Th>
                <Table.Th scope="col">Documents</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => {
                const expired = now - job.submittedAt > RETENTION_MS;
                const status = job.status ?? 'submitted';
                return (
                  <Table.Tr key={job.jobUrl}>
                    <Table.Td>{formatDateTime(new Date(job.submittedAt).toISOString())}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {job.jobId ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{job.documentIds.length}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={phaseOf(status) === 'failed' ? 'red' : 'gray'}>
                        {expired ? 'expired' : status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          disabled={expired}
                          onClick={() => select(job.jobUrl)}
                          aria-label={`Open job ${job.jobId ?? job.jobUrl}`}
                        >
                          Open
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="gray"
                          onClick={() => forget(job.jobUrl)}
                          aria-label={`Remove job ${job.jobId ?? job.jobUrl} from this list`}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
