import './overlay-styles';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';

interface TypedConfirmDialogProps {
  opened: boolean;
  title: string;
  projectName: string;
  confirmLabel: string;
  children: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * The last stop before a change that cannot be taken back or that changes what production serves
 * (Delete project, Deploy over production, Swap deployments): the project name typed, exactly, as
 * names are case-sensitive on the service.
 */
export function TypedConfirmDialog({ opened, title, onCancel, ...form }: TypedConfirmDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={title}
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
  confirmLabel,
  children,
  onCancel,
  onConfirm,
}: Omit<TypedConfirmDialogProps, 'opened' | 'title'>) {
  const [typed, setTyped] = useState('');
  const matches = typed === projectName;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (matches) onConfirm();
      }}
    >
      <Stack gap="md">
        {children}
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
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
