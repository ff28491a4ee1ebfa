import { Button, Divider, Group, Text } from '@mantine/core';
import type { Credentials } from '../../service/http';
import type { ApiVersion } from '../../service/model';

export interface DeleteProjectProps {
  /** Set once the endpoint and key are valid. */
  credentials: Credentials | undefined;
  projectName: string;
  apiVersion: ApiVersion;
  /** Told once a deletion is known to be done, with the endpoint it was done on. */
  onDeleted?: (endpoint: string) => void;
}

interface DeleteProjectBarProps extends Omit<DeleteProjectProps, 'apiVersion' | 'onDeleted'> {
  /** A deletion is being sent or followed: the button stays focusable but does nothing. */
  busy: boolean;
  /** Undefined while the deletion's code is still loading (the button cannot act yet). */
  onDelete: (() => void) | undefined;
}

/** What Delete project would do, and its button. */
export function DeleteProjectBar({
  credentials,
  projectName,
  busy,
  onDelete,
}: DeleteProjectBarProps) {
  const name = projectName.trim();
  const ready = credentials !== undefined && name !== '';
  // Still focusable while busy, so focus has a place to return to when the dialog closes.
  const inert = busy || onDelete === undefined;
  return (
    <>
      <Divider />
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" c="dimmed">
          {ready
            ? `Deletes project ${name} from this resource, with its models and deployments.`
            : 'Enter the endpoint, key and project name to delete a project.'}
        </Text>
        <Button
          color="red"
          variant="light"
          disabled={!ready}
          data-disabled={busy || undefined}
          aria-disabled={inert || undefined}
          onClick={onDelete}
          style={{ flexShrink: 0 }}
        >
          Delete project
        </Button>
      </Group>
    </>
  );
}
