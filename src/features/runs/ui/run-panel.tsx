import { Alert, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../../components/confirm-button';
import { ServiceErrorAlert } from '../../../components/service-error-alert';
import { formatCount } from '../../../lib/format';
import { JobAlert } from './job-alert';
import { JobFacts } from './job-facts';
import { statusInWords } from './job-words';
import type { Run, RunJob } from '../store/run-model';
import { hasUsableKey, type RunLive } from '../engine/run-live';
import { RunJobs } from './run-jobs';
import { RUN_STATUS_WORDS, runProgress, type RunStatus } from '../engine/run-schedule';
import { useRunCoordinator } from './runs-context';

function useNow(intervalMs: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, running]);
  return now;
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

const STATUS_COLORS: Record<RunStatus, string> = {
  running: 'blue',
  paused: 'gray',
  'waiting-for-key': 'orange',
  'needs-attention': 'orange',
  done: 'green',
  'done-with-failures': 'orange',
  cancelled: 'gray',
};

interface RunPanelProps {
  run: Run;
  jobs: RunJob[];
  live: RunLive;
  hasKey: boolean;
  /**
   * Fills the form with the demo's public key, offered while a demo run waits for its key: after a
   * reload the key the first visit filled in is gone (keys live in memory), and was never shown.
   */
  onUseDemoKey?: (() => void) | undefined;
}

/** A run on screen: progress, throughput, time left, controls, and every job's status. */
export function RunPanel({ run, jobs, live, hasKey, onUseDemoKey }: RunPanelProps) {
  const coordinator = useRunCoordinator();
  const progress = runProgress(run, jobs, hasUsableKey(live, hasKey));
  const running = progress.status === 'running';
  const now = useNow(1_000, running);
  const seconds = Math.max(0.001, (now - run.createdAt) / 1000);
  const throughput = progress.documentsDone / seconds;
  const left = progress.documentsTotal - progress.documentsDone;
  const secondsLeft = running && throughput > 0 ? left / throughput : undefined;
  const throttledFor = Math.ceil((live.throttledUntil - now) / 1000);
  const percent =
    progress.documentsTotal > 0 ? (progress.documentsDone / progress.documentsTotal) * 100 : 0;
  const [onlyJob] = jobs;
  const single = jobs.length === 1 && onlyJob;
  const word = RUN_STATUS_WORDS[progress.status];
  const act = (
    action: (runner: NonNullable<Awaited<ReturnType<typeof coordinator.wake>>>) => unknown,
  ) => void coordinator.wake(run.id).then((runner) => (runner ? action(runner) : undefined));

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="run-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={2} size="h4" id="run-heading">
              Run
            </Title>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {run.name}
            </Text>
          </div>
          {/* Beside a long run name on a phone, the badges keep their words ("Runn…" otherwise). */}
          <Group gap="xs" justify="flex-end" style={{ flexShrink: 0 }}>
            {single && onlyJob.status ? (
              <Badge
                size="lg"
                variant="light"
                tt="none"
                aria-label={`Status: ${statusInWords(onlyJob.status)}`}
              >
                {statusInWords(onlyJob.status)}
              </Badge>
            ) : null}
            <Badge
              size="lg"
              variant="light"
              color={STATUS_COLORS[progress.status]}
              tt="none"
              aria-label={`Run: ${word}`}
            >
              {word}
            </Badge>
          </Group>
        </Group>
        {single && progress.open === 0 ? null : (
          <Progress
            value={percent}
            aria-label="Documents done"
            striped={running}
            // No animated stripes and no width transition: either one re-rendered the page every
            // frame for the whole run (traced with 10,000 results on it: about half of all the
            // layerize and style work).
            transitionDuration={0}
          />
        )}
        <Text size="sm" aria-live="polite">
          {formatCount(progress.documentsDone)} / {formatCount(progress.documentsTotal)} documents ·{' '}
          {progress.jobsDone} / {progress.jobsTotal} jobs
          {progress.documentsFailed > 0 ? ` · ${formatCount(progress.documentsFailed)} failed` : ''}
          {running ? ` · ${throughput.toFixed(1)} documents/s` : ''}
          {secondsLeft !== undefined && throttledFor <= 0
            ? ` · about ${formatSeconds(secondsLeft)} left`
            : ''}
        </Text>
        {live.elsewhere && progress.open > 0 ? (
          <Alert
            color="blue"
            variant="light"
            role="status"
            title="This run is running in another tab"
          >
            This tab shows its progress as that tab saves it, and takes the run over by itself if
            that tab closes; nothing is sent twice. Pause, cancel or send jobs again from that tab.
          </Alert>
        ) : null}
        {live.authRefused ? (
          <>
            <ServiceErrorAlert
              title={
                live.authRefused.scheme === 'bearer'
                  ? 'The service refused the access token'
                  : 'The service refused the key'
              }
              error={live.authRefused}
            />
            <Text size="sm">
              The run waits, and nothing is lost: once the form holds another{' '}
              {live.authRefused.scheme === 'bearer' ? 'token' : 'key'} for{' '}
              {run.settings.resourceEndpoint}, it goes on by itself.
            </Text>
          </>
        ) : progress.status === 'waiting-for-key' ? (
          <Alert color="orange" variant="light" role="alert" title="Waiting for the key">
            This run is waiting for the key of {run.settings.resourceEndpoint}. Enter it in{' '}
            <strong>Key</strong> and the run continues by itself; nothing is lost meanwhile.
            {onUseDemoKey ? (
              <Group mt="xs">
                <Button size="xs" variant="light" onClick={onUseDemoKey}>
                  Use the demo key
                </Button>
              </Group>
            ) : null}
          </Alert>
        ) : null}
        {live.storageError ? (
          <Alert color="red" variant="light" role="alert" title="Browser storage is full">
            {live.storageError}
          </Alert>
        ) : null}
        {throttledFor > 0 && running && !live.elsewhere ? (
          <Alert color="yellow" variant="light" role="status">
            <Group justify="space-between" gap="sm">
              <span>
                Throttled, retrying in {throttledFor} s ({live.concurrency} job
                {live.concurrency === 1 ? '' : 's'} at a time)
              </span>
              <Button size="xs" variant="light" onClick={() => act((runner) => runner.retryNow())}>
                Retry now
              </Button>
            </Group>
          </Alert>
        ) : null}
        {run.oversized.length > 0 ? (
          <Alert color="orange" variant="light" role="alert" title="Not sent: too long for one job">
            {run.oversized
              .slice(0, 20)
              .map(({ id, characters }) => `${id} (${formatCount(characters)} characters)`)
              .join(', ')}
            {run.oversized.length > 20 ? ` and ${formatCount(run.oversized.length - 20)} more` : ''}{' '}
            — a job holds at most 125,000 characters.
          </Alert>
        ) : null}
        {progress.open > 0 && run.intent !== 'cancelled' && !live.elsewhere ? (
          <Group gap="sm">
            {single ? null : (
              <Button
                variant="light"
                onClick={() => act((runner) => runner.setPaused(run.intent !== 'paused'))}
              >
                {run.intent === 'paused' ? 'Resume' : 'Pause'}
              </Button>
            )}
            <ConfirmButton
              variant="light"
              color="red"
              title={single ? 'Cancel this job?' : 'Cancel this run?'}
              message={
                single
                  ? 'The service is asked to stop the job (the preview API cannot cancel: the job then runs to its end, but it is no longer followed).'
                  : 'Jobs not sent yet are dropped; jobs on the service are asked to stop. Results already saved are kept.'
              }
              confirmLabel={single ? 'Cancel job' : 'Cancel run'}
              cancelLabel="Keep running"
              onConfirm={() => act((runner) => runner.cancel())}
            >
              {single ? 'Cancel job' : 'Cancel run'}
            </ConfirmButton>
            {single ? null : (
              <Text size="xs" c="dimmed">
                Up to {live.concurrency || '…'} jobs at a time; requests are paced to what the
                service allows.
              </Text>
            )}
          </Group>
        ) : null}
        {single ? (
          <>
            <JobFacts job={onlyJob} />
            <JobAlert
              job={onlyJob}
              stalled={live.stalled.get(onlyJob.index)}
              onSendAgain={() => act((runner) => runner.sendAgain(onlyJob.index))}
              onResumePolling={() => act((runner) => runner.resumePolling(onlyJob.index))}
            />
          </>
        ) : (
          <RunJobs
            jobs={jobs}
            live={live}
            onSendAgain={(indexes) =>
              act(async (runner) => {
                for (const index of indexes) await runner.sendAgain(index);
              })
            }
            onResumePolling={(index) => act((runner) => runner.resumePolling(index))}
          />
        )}
      </Stack>
    </Card>
  );
}
