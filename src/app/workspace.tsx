import { Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startTransition, useEffect, useId, useRef, useState } from 'react';
import { PanelErrorBoundary } from '../components/panel-error-boundary';
import { ServiceErrorAlert } from '../components/service-error-alert';
import { ShareViewButton } from '../features/connection/share-view-button';
import { CopyRequest } from '../features/request/deferred-copy-request';
import { useConnectionSettings } from '../features/connection/connection-store';
import { DocumentsEditor } from '../features/documents/documents-editor';
import { delay } from '../lib/delay';
import { ImportSaving } from '../features/documents/import-saving';
import { markImportUsedByRun, readDocuments } from '../features/documents/documents-store';
import { DeleteProject } from '../features/project/deferred-delete-project';
import { useRunCoordinator } from './lazy-runs';
import type { Run } from '../features/runs/store/run-model';
import { useRunsUiActions } from '../features/runs/ui/runs-ui-store';
import { ConnectionPanel } from './connection-panel';
import { RunArea } from './lazy-panels';
import { forgetResourceReads } from './resource-after-deletion';
import { useRevealActions } from './reveal-run';
import { useDemoRunActions, useDemoRunRequest } from './demo-run-request';
import { useJobDraft } from './use-job-draft';

/** The longest a started run keeps the page from answering the click (see submitJob). */
const CLICK_ANSWER_WAIT_MS = 250;

/** A dialog over the page (Delete project, …) owns the keyboard while it is open. */
function dialogIsOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

export function Workspace() {
  const reasonId = useId();
  const [attempted, setAttempted] = useState(false);
  /** Counts the submits the form refused, each one taking the focus to a field that says why. */
  const [refusals, setRefusals] = useState(0);
  const draft = useJobDraft(attempted);
  const coordinator = useRunCoordinator();
  const { open } = useRunsUiActions();
  const { revealRun } = useRevealActions();
  const { projectName, apiVersion, authMethod } = useConnectionSettings();
  const queryClient = useQueryClient();
  // Every submit creates a run: stored first, then sent by its runner.
  /** A run is being started: a second press (or Ctrl+Enter) before React has rendered adds none. */
  const submitting = useRef(false);
  const start = useMutation({
    // Started by the click itself (below), so the mutation only follows it.
    mutationFn: ({ started }: { started: Promise<Run>; documents: readonly unknown[] }) => started,
    onSettled: () => {
      submitting.current = false;
    },
    onSuccess: (run, { documents }) => {
      // Deleting this run later clears the imported set it was made from (run-area.tsx).
      if (documents === readDocuments().imported?.documents) markImportUsedByRun(run.id);
      open(run.id);
      revealRun(run.id);
    },
  });

  const blocker = draft.submitBlocker;
  // A submit pressed while the checks catch up with the last keystrokes is kept until they have.
  const queued = useRef(false);
  const submitJob = () => {
    if (draft.settling) {
      queued.current = true;
      return;
    }
    // Off while the documents cannot be sent: the reason stands beside the button.
    if (blocker) return;
    const { ready, runSettings } = draft;
    if (ready && runSettings && !submitting.current) {
      submitting.current = true;
      // Before any state changes: the run is stored and sent while React renders the click.
      const started = coordinator.startRun({
        settings: runSettings,
        documents: ready.documents,
        plan: ready.plan,
        source: draft.source,
      });
      // The mutation reports a failure; this only keeps it from counting as unhandled meanwhile.
      started.catch(() => undefined);
      // The page answers the click once the first POST has left (or after a moment, for a big
      // run): rendering the form now would hold the run's first write and its POST behind it.
      const answer = () => {
        start.mutate({ started, documents: ready.documents });
        startTransition(() => setAttempted(true));
      };
      void Promise.race([started, delay(CLICK_ANSWER_WAIT_MS)]).then(answer, answer);
      return;
    }
    setAttempted(true);
    setRefusals((count) => count + 1);
  };
  // A refused submit puts the focus on the first field in error, after the render that marks it:
  // its message is its description, so it is heard, and it can be fixed at once. A click that
  // changed nothing on screen was all there was.
  const formRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusals === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  // More demos → Improve the support tickets model: its documents are sent once the form holds them.
  const demoRun = useDemoRunRequest();
  const { demoRunStarted } = useDemoRunActions();
  useEffect(() => {
    const demoReady = demoRun !== undefined && draft.source === demoRun && Boolean(draft.ready);
    if (!(queued.current || demoReady) || draft.settling) return;
    queued.current = false;
    if (demoReady) demoRunStarted();
    submitJob();
  });
  // Ctrl/Cmd+Enter submits from anywhere, the text fields included, but never from inside a dialog.
  useHotkeys(
    [
      [
        'mod+Enter',
        () => {
          if (!dialogIsOpen()) submitJob();
        },
      ],
    ],
    [],
  );

  return (
    <Stack gap="lg">
      <Grid gap="lg" ref={formRef}>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="connection-heading">
            <Title order={2} size="h4" id="connection-heading" mb="sm">
              Connection
            </Title>
            <PanelErrorBoundary panel="Connection" kept="What you typed is kept.">
              <ConnectionPanel errors={draft.fieldErrors} />
              <DeleteProject
                credentials={draft.credentials}
                projectName={projectName}
                apiVersion={apiVersion}
                onDeleted={(endpoint) => void forgetResourceReads(queryClient, endpoint)}
              />
              <Group mt="sm">
                <ShareViewButton />
              </Group>
            </PanelErrorBoundary>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="documents-heading">
            <Title order={2} size="h4" id="documents-heading" mb="sm">
              Text to classify
            </Title>
            <Stack gap="sm">
              <PanelErrorBoundary panel="Documents" kept="Your documents are kept.">
                <DocumentsEditor size={draft.size} plan={draft.plan} error={draft.documentsError} />
              </PanelErrorBoundary>
              {/* On a phone the buttons go under the hints rather than squeezing them. */}
              <Group justify="space-between" align="center" wrap="wrap" gap="xs">
                {/* Always in the page, so a reason that appears is announced. */}
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text
                    size="sm"
                    c="var(--mantine-color-red-text)"
                    id={reasonId}
                    aria-live="polite"
                  >
                    {blocker}
                  </Text>
                  {blocker ? null : (
                    <Text size="xs" c="dimmed">
                      Ctrl/⌘ + Enter submits
                    </Text>
                  )}
                  <ImportSaving />
                </Stack>
                <Group gap="xs" justify="flex-end" style={{ marginLeft: 'auto', minWidth: 0 }}>
                  <CopyRequest
                    input={
                      draft.ready && draft.runSettings
                        ? {
                            ...draft.ready.base,
                            endpoint: draft.runSettings.resourceEndpoint,
                            documents: draft.ready.documents,
                          }
                        : undefined
                    }
                    auth={authMethod}
                    unavailableReason={draft.settingsProblem}
                  />
                  {/* aria-disabled rather than disabled: it stays focusable, so its reason is heard. */}
                  <Button
                    onClick={submitJob}
                    loading={start.isPending}
                    data-disabled={blocker ? true : undefined}
                    aria-disabled={blocker ? true : undefined}
                    aria-describedby={blocker ? reasonId : undefined}
                    style={{ flexShrink: 0 }}
                  >
                    Submit job
                  </Button>
                </Group>
              </Group>
              {start.error ? (
                <ServiceErrorAlert title="Could not start the run" error={start.error} />
              ) : null}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <RunArea
        credentials={draft.credentials}
        runSettings={draft.runSettings}
        settingsProblem={draft.settingsProblem}
      />
    </Stack>
  );
}
