import { Button, Text, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import type { JobInput } from '../../service/model';
import type { SnippetAuth } from './snippet-request';

export interface CopyRequestProps {
  /**
   * The job as the app would send it, on the resource's own endpoint (not the local proxy's), with
   * all the documents; undefined while the settings or documents are not valid.
   */
  input: JobInput | undefined;
  /** Which environment variable the snippet reads: LANGUAGE_KEY or LANGUAGE_TOKEN. */
  auth: SnippetAuth;
  /** Why there is nothing to copy yet, shown beside the disabled button. */
  unavailableReason?: string | undefined;
}

export function CopyRequestButton(props: ButtonProps & ComponentPropsWithRef<'button'>) {
  return (
    <Button variant="default" size="compact-sm" {...props}>
      Copy request
    </Button>
  );
}

export function UnavailableReason({ reason }: { reason: string | undefined }) {
  return reason ? (
    <Text size="xs" c="dimmed">
      {reason}
    </Text>
  ) : null;
}
