import { Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RetryNotice } from '../components/retry-notice';
import { ServiceErrorAlert } from '../components/service-error-alert';
import { ConnectionForm } from '../features/connection/connection-form';
import { useConnectionSettings } from '../features/connection/connection-store';
import { DocumentsEditor } from '../features/documents/documents-editor';
import { clearBatch, startBatch } from '../features/jobs/batch-runner';
import { useJobActions } from '../features/jobs/job-store';
import { useSubmitJob } from '../features/jobs/use-submit-job';
import { DeleteProject } from '../features/project/delete-project';
import { JobArea } from './job-area';
import { useJobDraft } from './use-job-draft';

export function Workspace() {
  const [attempted, setAttempted] = useState(false);
  const draft = useJobDraft(attempted);
  const submit = useSubmitJob();
  const { select } = useJobActions();
  const queryClient = useQueryClient();
  const { projectName, apiVersion } = useConnectionSettings();

  const submitJob = () => {
    setAttempted(true);
    const { ready } = draft;
    if (!ready || submit.isPending) return;
    const [only, ...more] = ready.plan.jobs;
    if (only && more.length === 0 && ready.plan.oversized.length === 0) {
      clearBatch();
      submit.mutate({ input: { ...ready.base, documents: only }, key: ready.key });
    } else {
      submit.reset();
      select(undefined);
      startBatch(queryClient, ready.plan, ready.base, ready.key);
    }
  };
  // Ctrl/Cmd+Enter submits from anywhere, the text fields included.
  useHotkeys([['mod+Enter', submitJob]], []);

  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="connection-heading">
            <Title order={2} size="h4" id="connection-heading" mb="sm">
              Connection
            </Title>
            <ConnectionForm errors={draft.fieldErrors} />
            <DeleteProject
              credentials={draft.credentials}
              projectName={projectName}
              apiVersion={apiVersion}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="documents-heading">
            <Title order={2} size="h4" id="documents-heading" mb="sm">
              Text to classify
            </Title>
            <Stack gap="sm">
              <DocumentsEditor size={draft.size} plan={draft.plan} error={draft.documentsError} />
              <Group justify="space-between" align="center">
                <Text size="xs" c="dimmed">
                  Ctrl/⌘ + Enter submits
                </Text>
                <Button onClick={submitJob} loading={submit.isPending}>
                  Submit job
                </Button>
              </Group>
              {submit.isPending && submit.failureCount > 0 ? (
                <RetryNotice
                  key={submit.failureCount}
                  reason={submit.failureReason}
                  failureCount={submit.failureCount}
                />
              ) : null}
              {submit.error ? (
                <ServiceErrorAlert title="Could not submit the job" error={submit.error} />
              ) : null}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <JobArea credentials={draft.credentials} labels={draft.labels} />
    </Stack>
  );
}
