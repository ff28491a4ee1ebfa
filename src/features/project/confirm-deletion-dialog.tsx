import '../../components/overlay-styles';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

interface ConfirmDeletionDialogProps {
  opened: boolean;
  projectName: string;
  /** The Language resource's host, so the user sees where the project lives. */
  host: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The last stop before an irreversible DELETE: the project's name must be typed exactly. */
export function ConfirmDeletionDialog({ opened, onCancel, ...form }: ConfirmDeletionDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={`Delete project ${form.projectName}?`}
      closeButtonProps={{ 'aria-label': 'Close' }}
      centered
    >
      {/* Mounted only while open, so every opening starts with an empty field. */}
      <ConfirmForm onCancel={onCancel} {...form} />
    </Modal>
  );
}

function ConfirmForm({
  projectName,
  host,
  onCancel,
  onConfirm,
}: Omit<ConfirmDeletionDialogProps, 'opened'>) {
  const [typed, setTyped] = useState('');
  // Names are case-sensitive on the service, so the match is exact.
  const matches = typed === projectName;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (matches) onConfirm();
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          This permanently deletes the project{' '}
          <Text span fw={700}>
            {projectName}
          </Text>{' '}
          from the Language resource{' '}
          <Text span fw={700}>
            {host}
          </Text>
          , with all its trained models and deployments. It cannot be undone: anything that calls
          those deployments stops working.
        </Text>
        <TextInput
          label="Type the project name to confirm"
          description={`Type ${projectName} exactly; names are case-sensitive.`}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red" disabled={!matches}>
            Delete project
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
