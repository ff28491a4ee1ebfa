import { Text } from '@mantine/core';
import { TypedConfirmDialog } from '../../components/typed-confirm-dialog';

interface ConfirmDeletionDialogProps {
  opened: boolean;
  projectName: string;
  /** The Language resource's host, so the user sees where the project lives. */
  host: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The last stop before an irreversible DELETE: the project's name must be typed exactly. */
export function ConfirmDeletionDialog({
  projectName,
  host,
  ...dialog
}: ConfirmDeletionDialogProps) {
  return (
    <TypedConfirmDialog
      {...dialog}
      title={`Delete project ${projectName}?`}
      projectName={projectName}
      confirmLabel="Delete project"
    >
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
    </TypedConfirmDialog>
  );
}
