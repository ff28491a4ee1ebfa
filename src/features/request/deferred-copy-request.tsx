import { Group } from '@mantine/core';
import { deferred } from '../../components/deferred';
import { CopyRequestButton, UnavailableReason, type CopyRequestProps } from './copy-request-button';

/**
 * Copy request with its menu and snippet builders, in a chunk of their own: until it is in, the
 * same button stands in (it cannot act yet), with the same reason beside it when there is one.
 */
export const CopyRequest = deferred(
  () => import('./copy-request').then(({ CopyRequest }) => CopyRequest),
  ({ input, unavailableReason }: CopyRequestProps) => (
    <Group gap="xs">
      <CopyRequestButton disabled={!input} aria-disabled />
      {input ? null : <UnavailableReason reason={unavailableReason} />}
    </Group>
  ),
);
