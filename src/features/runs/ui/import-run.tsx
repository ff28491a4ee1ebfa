import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { formatCount, formatDateTime } from '../../../lib/format';
import { keptBothName } from '../file/run-from-file';
import type { RunImportState } from './run-file-store';
import type { ImportChoice } from './use-run-import';

/** Import run: opens the file chooser (the button's name is its label). */
export function ImportRunButton({
  state,
  onChoose,
}: {
  state: RunImportState;
  onChoose: () => void;
}) {
  return (
    <Button size="compact-sm" variant="light" onClick={onChoose} loading={state.step === 'busy'}>
      Import run
    </Button>
  );
}

/** What became of the last file: why it was refused (an alert), or what was imported. */
export function ImportRunFeedback({
  state,
  onDismiss,
}: {
  state: RunImportState;
  onDismiss: () => void;
}) {
  if (state.step === 'refused') {
    return (
      <Alert
        color="red"
        title={`${state.fileName} was not imported`}
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={onDismiss}
      >
        {state.message} Nothing in this browser was changed.
      </Alert>
    );
  }
  return (
    <Text size="xs" c="dimmed" role="status">
      {state.step === 'busy' ? state.words : null}
      {state.step === 'imported'
        ? `Imported “${state.name}”: ${formatCount(state.documents)} documents and ${formatCount(state.results)} results, with no request to the service.${
            state.openJobs > 0
              ? ` Jobs not finished at the export (${formatCount(state.openJobs)}) are never sent from here unless you send them again.`
              : ''
          }`
        : null}
    </Text>
  );
}

/** The browser has this run already: replace it with the file's copy, or keep both. */
export function ImportRunDialog({
  state,
  onAnswer,
}: {
  state: RunImportState;
  onAnswer: (choice: ImportChoice | undefined) => void;
}) {
  const asking = state.step === 'asking' ? state : undefined;
  return (
    <Modal
      opened={asking !== undefined}
      onClose={() => onAnswer(undefined)}
      title="This run is already in this browser"
      centered
    >
      {asking ? (
        <Stack gap="md">
          <Text size="sm">
            {asking.fileName} holds “{asking.file.run.name}” (exported{' '}
            {formatDateTime(new Date(asking.file.exportedAt).toISOString())}), and this browser has
            that run, started {formatDateTime(new Date(asking.existing.createdAt).toISOString())}.
            Replace it with the file&apos;s copy, or keep both: the file&apos;s copy is then added
            as “{keptBothName(asking.file.run.name)}”.
          </Text>
          {asking.existingOpen ? (
            <Text size="sm" id="replace-blocked">
              The run here is not finished: it cannot be replaced while it may still be sending or
              polling. Keep both, or cancel it first.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onAnswer(undefined)}>
              Cancel
            </Button>
            <Button variant="light" onClick={() => onAnswer('keep-both')}>
              Keep both
            </Button>
            <Button
              color="red"
              disabled={asking.existingOpen}
              aria-describedby={asking.existingOpen ? 'replace-blocked' : undefined}
              onClick={() => onAnswer('replace')}
            >
              Replace
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
