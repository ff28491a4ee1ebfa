import { Alert, Badge, Group, List, Loader, Progress, Stack, Text } from '@mantine/core';
import { ServiceErrorAlert } from '../../components/service-error-alert';
import { formatDateTime } from '../../lib/format';
import { ServiceError } from '../../service/errors';
import type { ServiceProblem } from '../../service/model';
import type { DeletionJob } from '../../service/project-deletion';

/** Where a deletion stands, from the moment it is confirmed to its end. */
export type DeletionOutcome =
  | { kind: 'sending'; retrying: unknown }
  | { kind: 'following'; job: DeletionJob | undefined; retrying: unknown }
  | { kind: 'deleted'; job: DeletionJob | undefined; httpStatus: number | undefined }
  | { kind: 'accepted'; httpStatus: number | undefined; jobUrlUnreadable: boolean }
  | { kind: 'failed'; title: string; error: unknown; problems?: ServiceProblem[] };

// A Map: a status of `__proto__` must not read Object.prototype.
const PROGRESS = new Map<string, number>([
  ['notStarted', 20],
  ['running', 60],
]);

/** Says that a failed request is being sent again, and why; nothing when all is well. */
function RetryNote({ retrying }: { retrying: unknown }) {
  if (!(retrying instanceof ServiceError)) return null;
  const wait = retrying.retryAfterMs ? ` in ${Math.ceil(retrying.retryAfterMs / 1000)} s` : '';
  return (
    <Text size="sm" c="orange.8">
      {retrying.status === 429
        ? `Throttled by the service, retrying${wait}…`
        : `${retrying.message} Retrying${wait}…`}
    </Text>
  );
}

function JobProgress({ job }: { job: DeletionJob | undefined }) {
  const status = job?.status ?? 'submitted';
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm">Deletion job</Text>
        <Badge variant="light" aria-label={`Deletion status: ${status}`}>
          {status}
        </Badge>
      </Group>
      <Progress
        value={PROGRESS.get(status) ?? 10}
        animated
        striped
        aria-label="Deletion progress"
      />
      {job?.jobId ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Job {job.jobId}
        </Text>
      ) : null}
    </Stack>
  );
}

function acceptedText(projectName: string, httpStatus: number | undefined) {
  if (httpStatus === undefined) {
    return `Deletion of project ${projectName} accepted (HTTP 2xx, with a body that is not JSON); the service gave no job to follow.`;
  }
  return `Deletion of project ${projectName} accepted (HTTP ${httpStatus}); the service gave no job to follow.`;
}

interface DeletionOutcomeViewProps {
  projectName: string;
  outcome: DeletionOutcome;
}

/**
 * One status region from the first request to the end, so a screen reader hears each step;
 * failures leave it for an alert.
 */
export function DeletionOutcomeView({ projectName, outcome }: DeletionOutcomeViewProps) {
  if (outcome.kind === 'failed') {
    return (
      <ServiceErrorAlert
        title={outcome.title}
        error={outcome.error}
        {...(outcome.problems ? { problems: outcome.problems } : {})}
      />
    );
  }
  const running = outcome.kind === 'sending' || outcome.kind === 'following';
  return (
    <Alert
      role="status"
      variant="light"
      color={outcome.kind === 'deleted' ? 'green' : outcome.kind === 'accepted' ? 'yellow' : 'blue'}
      title={
        outcome.kind === 'deleted'
          ? `Project ${projectName} deleted`
          : outcome.kind === 'accepted'
            ? 'Deletion accepted'
            : `Deleting project ${projectName}…`
      }
      icon={running ? <Loader size="xs" /> : null}
    >
      <Stack gap="xs">
        {outcome.kind === 'sending' ? (
          <>
            <Text size="sm">Sending the deletion request…</Text>
            <RetryNote retrying={outcome.retrying} />
          </>
        ) : null}
        {outcome.kind === 'following' ? (
          <>
            <JobProgress job={outcome.job} />
            <RetryNote retrying={outcome.retrying} />
          </>
        ) : null}
        {outcome.kind === 'deleted' ? (
          <>
            <Text size="sm">
              Its models and deployments are gone
              {outcome.job?.updatedAt
                ? ` (deletion job finished ${formatDateTime(outcome.job.updatedAt)})`
                : ''}
              {outcome.job
                ? '.'
                : ` (HTTP ${outcome.httpStatus ?? '2xx'}; the service gave no job to follow).`}
            </Text>
            {outcome.job && outcome.job.warnings.length > 0 ? (
              <List size="sm">
                {outcome.job.warnings.map((warning, index) => (
                  <List.Item key={index}>
                    {warning.message} ({warning.code})
                  </List.Item>
                ))}
              </List>
            ) : null}
          </>
        ) : null}
        {outcome.kind === 'accepted' ? (
          <>
            <Text size="sm">{acceptedText(projectName, outcome.httpStatus)}</Text>
            {outcome.jobUrlUnreadable ? (
              <Text size="sm">
                The service names a deletion job in its operation-location header, but this page
                could not read it: the gateway does not expose it (a CORS problem). Use the local
                proxy to follow deletions, and check the project list to confirm this one.
              </Text>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Alert>
  );
}
