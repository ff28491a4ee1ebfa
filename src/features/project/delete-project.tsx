import { Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ServiceError } from '../../service/errors';
import { deletionFailure } from '../../service/project-deletion';
import { ConfirmDeletionDialog } from './confirm-deletion-dialog';
import { DeleteProjectBar, type DeleteProjectProps } from './delete-project-bar';
import { deletionJobQueryOptions } from './deletion-job-query';
import { DeletionOutcomeView, type DeletionOutcome } from './deletion-outcome';
import { useDeleteProject } from './use-delete-project';

/** Deletes the project named in the form, after a typed confirmation, and follows it to its end. */
export function DeleteProject({
  credentials,
  projectName,
  apiVersion,
  onDeleted,
}: DeleteProjectProps) {
  const [confirming, { open, close }] = useDisclosure(false);
  const deletion = useDeleteProject();
  const sent = deletion.variables;
  const accepted = deletion.data;
  const jobQuery = useQuery(
    deletionJobQueryOptions(
      sent && accepted?.jobUrl
        ? {
            jobUrl: accepted.jobUrl,
            acceptedAt: accepted.acceptedAt,
            credentials: sent.credentials,
          }
        : undefined,
    ),
  );

  const outcome = ((): DeletionOutcome | undefined => {
    if (!sent) return undefined;
    const deleted = sent.projectName;
    if (deletion.isPending) return { kind: 'sending', retrying: deletion.failureReason };
    if (deletion.isError) {
      const unfollowable =
        deletion.error instanceof ServiceError && deletion.error.kind === 'foreign-origin';
      return {
        kind: 'failed',
        title: unfollowable
          ? `Deletion of project ${deleted} accepted, but it cannot be followed`
          : `Could not delete project ${deleted}`,
        error: deletion.error,
      };
    }
    if (!accepted) return undefined;
    if (!accepted.jobUrl) {
      // 200 and 204 say the deletion is done; 202 only that it was accepted.
      return accepted.status === 202 || accepted.status === undefined
        ? {
            kind: 'accepted',
            httpStatus: accepted.status,
            jobUrlUnreadable: accepted.jobUrlUnreadable,
          }
        : { kind: 'deleted', job: undefined, httpStatus: accepted.status };
    }
    if (jobQuery.isError) {
      return {
        kind: 'failed',
        title: `Could not follow the deletion of project ${deleted}`,
        error: jobQuery.error,
      };
    }
    const job = jobQuery.data?.job;
    if (job?.phase === 'succeeded') return { kind: 'deleted', job, httpStatus: accepted.status };
    if (job?.phase === 'failed') {
      return {
        kind: 'failed',
        title: `Deletion of project ${deleted} failed`,
        error: deletionFailure(job),
        problems: job.errors.slice(1),
      };
    }
    return {
      kind: 'following',
      job,
      retrying: jobQuery.isFetching ? jobQuery.failureReason : null,
    };
  })();

  // Once per deletion: what the resource is known to hold has changed (the picker's suggestions).
  const deletedOn = outcome?.kind === 'deleted' ? sent?.credentials.endpoint : undefined;
  const told = useRef<unknown>(undefined);
  useEffect(() => {
    if (deletedOn === undefined || told.current === sent) return;
    told.current = sent;
    onDeleted?.(deletedOn);
  }, [deletedOn, sent, onDeleted]);

  const name = projectName.trim();
  // Still focusable while busy, so focus has a place to return to when the dialog closes.
  const busy = outcome?.kind === 'sending' || outcome?.kind === 'following';

  return (
    <Stack gap="sm" mt="md">
      <DeleteProjectBar
        credentials={credentials}
        projectName={projectName}
        busy={busy}
        onDelete={() => {
          if (!busy) open();
        }}
      />
      {sent && outcome ? (
        <DeletionOutcomeView projectName={sent.projectName} outcome={outcome} />
      ) : null}
      {credentials && name ? (
        <ConfirmDeletionDialog
          opened={confirming}
          projectName={name}
          host={new URL(credentials.endpoint).host}
          onCancel={close}
          onConfirm={() => {
            close();
            deletion.mutate({ credentials, apiVersion, projectName: name });
          }}
        />
      ) : null}
    </Stack>
  );
}
