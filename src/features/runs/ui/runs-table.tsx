import '../../../components/data-styles';
import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ConfirmButton } from '../../../components/confirm-button';
import { formatCount, formatDateTime } from '../../../lib/format';
import { modelNameOf } from '../../../service/api-profiles';
import { runLabel } from './run-label';
import type { Run } from '../store/run-model';
import { RUN_STATUS_WORDS, runProgress } from '../engine/run-schedule';
import { ImportRunButton, ImportRunDialog, ImportRunFeedback } from './import-run';
import { StorageUsage } from './storage-usage';
import { useRunExport } from './use-run-export';
import { useRunImport } from './use-run-import';
import type { RunRow } from './use-runs';

export function modelOf(run: Run): string {
  return modelNameOf(run.settings);
}

interface RunsTableProps {
  rows: RunRow[];
  openRunId: string | undefined;
  onOpen: (runId: string) => void;
  onRerun: (runId: string) => void;
  onDelete: (runId: string) => void;
  /** Why Rerun cannot use the form's settings now, if it cannot. */
  rerunBlocked: string | undefined;
  /** Saves a run file Export… wrote (the app downloads it). */
  onSaveFile: (blob: Blob, fileName: string) => void;
  /** For tests: the file chooser Import run opens. */
  pickFile?: (accept: string) => Promise<File | undefined>;
}

/** Where the focus goes once a run is deleted: the next row, else the previous, else none. */
export function focusAfterDeletion(runIds: readonly string[], deleted: string): string | undefined {
  const at = runIds.indexOf(deleted);
  if (at === -1) return undefined;
  return runIds[at + 1] ?? runIds[at - 1];
}

/**
 * Every run this browser holds, newest first: open one, send its documents again, export it as a
 * file, or delete it; and Import run, for a run file from another browser or the command line.
 */
export function RunsTable({
  rows,
  openRunId,
  onOpen,
  onRerun,
  onDelete,
  rerunBlocked,
  onSaveFile,
  pickFile,
}: RunsTableProps) {
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The run being deleted and the row to focus once it is gone (never <body>).
  const deleting = useRef<{ runId: string; focus: string | undefined }>(undefined);
  // The last run deleted: the section stays, saying so, until another run comes.
  const [emptiedBy, setEmptiedBy] = useState<string>();
  if (emptiedBy && rows.some(({ run }) => run.id !== emptiedBy)) setEmptiedBy(undefined);
  useEffect(() => {
    const pending = deleting.current;
    if (!pending || rows.some(({ run }) => run.id === pending.runId)) return;
    deleting.current = undefined;
    // The same column in the next row: deleting several runs is one key press each.
    const next = pending.focus
      ? sectionRef.current?.querySelector<HTMLElement>(`[data-delete-run="${pending.focus}"]`)
      : undefined;
    (next ?? headingRef.current)?.focus();
  }, [rows]);
  const remove = (runId: string) => {
    const focus = focusAfterDeletion(
      rows.map(({ run }) => run.id),
      runId,
    );
    deleting.current = { runId, focus };
    if (!focus) setEmptiedBy(runId);
    onDelete(runId);
  };
  const importing = useRunImport(onOpen, pickFile);
  const exporting = useRunExport(onSaveFile);
  const importControls = (
    <>
      <ImportRunFeedback state={importing.state} onDismiss={importing.dismiss} />
      <ImportRunDialog state={importing.state} onAnswer={importing.answer} />
    </>
  );

  // Nothing to list on a first visit but a way in for a run from elsewhere; after the last run is
  // deleted, the heading holds the focus.
  if (rows.length === 0 && !emptiedBy) {
    return (
      <Card withBorder padding="md" component="section" aria-label="Run files">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              No runs in this browser yet. A run exported from another browser can be imported.
            </Text>
            <ImportRunButton state={importing.state} onChoose={importing.choose} />
          </Group>
          {importControls}
        </Stack>
      </Card>
    );
  }
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="runs-heading"
      ref={sectionRef}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="runs-heading" ref={headingRef} tabIndex={-1}>
            Runs
          </Title>
          <Group gap="sm">
            <StorageUsage revision={rows.length} />
            <ImportRunButton state={importing.state} onChoose={importing.choose} />
          </Group>
        </Group>
        {importControls}
        {exporting.state.failed ? (
          <Alert
            color="red"
            title={`“${exporting.state.failed.name}” was not exported`}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={exporting.dismiss}
          >
            {exporting.state.failed.message}
          </Alert>
        ) : null}
        {rerunBlocked ? (
          <Text size="xs" c="dimmed">
            Rerun sends a run&apos;s documents with the settings now in the form. {rerunBlocked}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            Rerun sends a run&apos;s documents with the settings now in the form (another
            deployment, say). Runs are kept in this browser only; Export… saves one as a file that
            Import run reads in another.
          </Text>
        )}
        {rows.length === 0 ? <Text size="sm">No runs left in this browser.</Text> : null}
        <Table.ScrollContainer minWidth={860} hidden={rows.length === 0}>
          <Table aria-labelledby="runs-heading" verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Started</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Model</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Documents</Table.Th>
                <Table.Th scope="col">Failed</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ run, jobs }) => {
                const progress = runProgress(run, jobs);
                const open = run.id === openRunId;
                return (
                  <Table.Tr key={run.id} aria-current={open ? 'true' : undefined}>
                    <Table.Td>{formatDateTime(new Date(run.createdAt).toISOString())}</Table.Td>
                    <Table.Th scope="row" fw={open ? 700 : 500}>
                      {run.name}
                    </Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{modelOf(run)}</Table.Td>
                    <Table.Td>
                      {run.settings.labelMode === 'multi' ? 'Multi label' : 'Single label'}
                    </Table.Td>
                    <Table.Td>
                      {formatCount(progress.documentsDone)} / {formatCount(progress.documentsTotal)}
                    </Table.Td>
                    <Table.Td>{formatCount(progress.documentsFailed)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text
                        size="sm"
                        fw={600}
                        c={
                          progress.status.startsWith('done')
                            ? 'var(--mantine-color-green-text)'
                            : undefined
                        }
                      >
                        {RUN_STATUS_WORDS[progress.status]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => onOpen(run.id)}
                          aria-label={`Open ${run.name}`}
                        >
                          Open
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          disabled={rerunBlocked !== undefined}
                          onClick={() => onRerun(run.id)}
                          aria-label={`Rerun ${run.name}`}
                        >
                          Rerun
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={exporting.state.exporting === run.id}
                          onClick={() => exporting.exportRun(run.id, run.name)}
                          aria-label={`Export… ${run.name}`}
                        >
                          Export…
                        </Button>
                        <ConfirmButton
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${run.name}`}
                          title={`Delete the run “${run.name}”?`}
                          message={`${runLabel(run)}. Its documents and results are removed from this browser. Nothing is deleted on the service.`}
                          confirmLabel="Delete run"
                          data-delete-run={run.id}
                          onConfirm={() => remove(run.id)}
                        >
                          Delete
                        </ConfirmButton>
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
