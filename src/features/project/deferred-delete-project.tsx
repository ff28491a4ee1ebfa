import { Stack } from '@mantine/core';
import { deferred } from '../../components/deferred';
import { DeleteProjectBar, type DeleteProjectProps } from './delete-project-bar';

/**
 * Delete project, its dialog and the authoring client come in a chunk of their own: until it is
 * in, the same words and button stand in (the button cannot act yet).
 */
export const DeleteProject = deferred(
  () => import('./delete-project').then(({ DeleteProject }) => DeleteProject),
  ({ credentials, projectName }: DeleteProjectProps) => (
    <Stack gap="sm" mt="md">
      <DeleteProjectBar
        credentials={credentials}
        projectName={projectName}
        busy={false}
        onDelete={undefined}
      />
    </Stack>
  ),
);
