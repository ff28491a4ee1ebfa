import '../../components/overlay-styles';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SasFacts } from '../../service/storage-sas';
import { ChangesTable } from './changes-table';
import type { FlowState, SavedImprovement } from './improve-flow';
import type { ProjectMerge } from './merge-project';
import { StepStatus } from './step-status';

interface ProjectSectionProps {
  state: FlowState;
  canWrite: boolean;
  sasUrl: string;
  onSasUrl: (value: string) => void;
  sas: { facts: SasFacts } | { problem: string } | undefined;
  /** Why the SAS URL's container is not the project's, once both are known. */
  containerMismatch: string | undefined;
  merge: ProjectMerge | undefined;
  /** The project file exported before this run's import, when there is one. */
  previousProject: SavedImprovement['previousProject'];
  onReadProject: () => void;
  onImport: () => void;
  onDownloadPrevious: () => void;
}

const busy = (phase: string) => phase === 'sending' || phase === 'running';

/** The project as it is, what this run would change in it, and the import. */
export function ProjectSection(props: ProjectSectionProps) {
  const { state, merge, sas } = props;
  const [confirming, setConfirming] = useState(false);
  const { export: exporting, upload, import: importing } = state.steps;
  const working = busy(exporting.phase) || busy(upload.phase) || busy(importing.phase);
  const nothingToImport = !merge || merge.counts.added + merge.counts.relabelled === 0;
  const importBlocked =
    !props.canWrite ||
    working ||
    !sas ||
    'problem' in sas ||
    props.containerMismatch !== undefined ||
    nothingToImport ||
    merge.blocked !== undefined;
  return (
    <Stack gap="sm">
      <PasswordInput
        label="Container SAS URL"
        description="A SAS URL of the project's storage container with read, write and list rights. Kept in this page only, never saved."
        value={props.sasUrl}
        onChange={(event) => props.onSasUrl(event.currentTarget.value)}
        autoComplete="off"
        {...(sas && 'problem' in sas ? { error: sas.problem } : {})}
      />
      {sas && 'facts' in sas ? (
        <Text size="xs" c="dimmed">
          Container: {sas.facts.redacted}
        </Text>
      ) : null}
      {props.containerMismatch ? (
        <Text size="sm" c="red" role="alert">
          {props.containerMismatch}
        </Text>
      ) : null}
      <Group gap="sm">
        <Button
          variant="default"
          onClick={props.onReadProject}
          disabled={!props.canWrite || working}
          loading={busy(exporting.phase)}
        >
          Read the project
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={importBlocked}>
          Add to training data
        </Button>
        {props.previousProject ? (
          <Button variant="subtle" onClick={props.onDownloadPrevious}>
            Download previous project file
          </Button>
        ) : null}
      </Group>
      <StepStatus step={exporting} label="Reading the project" />
      {merge ? (
        <>
          {merge.blocked ? (
            <Text size="sm" c="red" role="alert">
              {merge.blocked}
            </Text>
          ) : null}
          <ChangesTable merge={merge} />
        </>
      ) : null}
      {upload.phase !== 'idle' ? (
        <Text size="sm" role="status">
          {upload.phase === 'succeeded'
            ? `Uploaded ${upload.uploaded ?? 0} blobs.`
            : upload.phase === 'running'
              ? `Uploading ${upload.uploaded ?? 0} of ${upload.total ?? 0} blobs…`
              : `Uploaded ${upload.uploaded ?? 0} blobs so far.`}
        </Text>
      ) : null}
      <StepStatus step={upload} label="Upload" />
      {importing.phase !== 'idle' ? (
        <Text size="sm" role="status">
          {importing.phase === 'succeeded'
            ? 'Imported: the project holds the merged documents.'
            : `Import: ${importing.job?.status ?? importing.phase}…`}
        </Text>
      ) : null}
      <StepStatus step={importing} label="Import" />
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Add to training data"
        closeButtonProps={{ 'aria-label': 'Close' }}
        centered
      >
        {merge ? (
          <Stack gap="md">
            <Text size="sm">
              {merge.counts.added} documents will be added and {merge.counts.relabelled} relabelled;{' '}
              {merge.counts.unchanged} stay as they are. The project keeps all{' '}
              {merge.documentsBefore} documents it holds and will hold {merge.documentsAfter}
              {merge.newClasses.length > 0
                ? `, with ${merge.newClasses.length} new classes (${merge.newClasses.join(', ')})`
                : ''}
              . The blobs are uploaded first, then the project is imported; the project file read
              before stays with this run, to download and roll back with.
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                onClick={() => {
                  setConfirming(false);
                  props.onImport();
                }}
              >
                Import {merge.counts.added + merge.counts.relabelled} documents
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
