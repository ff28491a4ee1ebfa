// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { RunCoordinator } from '../engine/run-coordinator';
import type { Run, RunJob } from '../store/run-model';
import { RunPanel } from './run-panel';
import { RunRunner } from '../engine/run-runner';
import type { RunLive } from '../engine/run-live';
import { RunsDatabase } from '../store/runs-db';
import { createRunsRepository } from '../store/runs-repository';
import { RunsProvider } from './runs-context';
import { testRunSettings } from '../store/test-runs';

afterEach(cleanup);

const run: Run = {
  id: 'run-1',
  createdAt: Date.now() - 10_000,
  name: 'SupportTickets/production · 50 docs',
  settings: {
    ...testRunSettings,
    endpoint: 'https://contoso.cognitiveservices.azure.com',
    resourceEndpoint: 'https://contoso.cognitiveservices.azure.com',
  },
  documentCount: 50,
  labelled: false,
  source: 'tickets.csv',
  oversized: [],
  intent: 'run',
};

const jobs: RunJob[] = [0, 1].map((index) => ({
  runId: run.id,
  index,
  documentIndexes: Array.from({ length: 25 }, (_, offset) => index * 25 + offset),
  firstId: `doc${index * 25 + 1}`,
  lastId: `doc${index * 25 + 25}`,
  ...(index === 0
    ? { state: 'finished', outcome: 'done', status: 'succeeded', failedDocuments: 0 }
    : {
        state: 'sent',
        status: 'running',
        jobUrl: 'https://contoso.cognitiveservices.azure.com/language/analyze-text/jobs/2',
      }),
}));

const live: RunLive = {
  concurrency: 4,
  throttledUntil: 0,
  waitingForKey: false,
  stalled: new Map(),
  storageError: undefined,
  authRefused: undefined,
  elsewhere: false,
};

function renderPanel(props: {
  hasKey: boolean;
  live?: RunLive;
  jobs?: RunJob[];
  onUseDemoKey?: () => void;
}) {
  const coordinator = new RunCoordinator({
    repository: createRunsRepository(new RunsDatabase(`run-panel-${crypto.randomUUID()}`)),
    queryClient: new QueryClient(),
    secretFor: () => undefined,
  });
  const ui = (hasKey: boolean) => (
    <RunsProvider coordinator={coordinator}>
      <RunPanel
        run={run}
        jobs={props.jobs ?? jobs}
        live={props.live ?? live}
        hasKey={hasKey}
        onUseDemoKey={props.onUseDemoKey}
      />
    </RunsProvider>
  );
  const view = renderWithProviders(ui(props.hasKey));
  return { ...view, coordinator, setHasKey: (hasKey: boolean) => view.rerender(ui(hasKey)) };
}

describe('Run panel', () => {
  it('says the run waits for the key of its endpoint, and stops saying so once the key is there', () => {
    const { setHasKey } = renderPanel({ hasKey: false });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Waiting for the key');
    expect(alert.textContent).toContain('https://contoso.cognitiveservices.azure.com');
    expect(screen.getByLabelText('Run: Waiting for the key')).toHaveTextContent(
      'Waiting for the key',
    );
    setHasKey(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Run: Running')).toHaveTextContent('Running');
  });

  it('animates nothing while the run goes: no moving stripes, no width transition', () => {
    renderPanel({ hasKey: true });
    expect(screen.getByLabelText('Run: Running')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Documents done' });
    // Either one re-rendered the page every frame of the run, 10,000 results included.
    expect(bar).not.toHaveAttribute('data-animated');
    const root = bar.parentElement;
    expect(root?.style.getPropertyValue('--progress-transition-duration')).toBe('0ms');
  });

  it('offers the demo key while a demo run waits for it, and only then', async () => {
    const onUseDemoKey = vi.fn();
    const { setHasKey } = renderPanel({ hasKey: false, onUseDemoKey });
    await userEvent.click(
      within(screen.getByRole('alert')).getByRole('button', { name: 'Use the demo key' }),
    );
    expect(onUseDemoKey).toHaveBeenCalledOnce();
    setHasKey(true);
    expect(screen.queryByRole('button', { name: 'Use the demo key' })).toBeNull();
    cleanup();
    renderPanel({ hasKey: false });
    expect(screen.queryByRole('button', { name: 'Use the demo key' })).toBeNull();
  });

  it('counts what is done, and shows every job as a square', () => {
    renderPanel({ hasKey: true });
    expect(screen.getByText(/25 \/ 50 documents · 1 \/ 2 jobs/)).toBeVisible();
    const list = screen.getByRole('list', { name: 'Jobs' });
    expect(
      within(list).getByRole('listitem', { name: 'Job 1 (doc1 – doc25): succeeded' }),
    ).toHaveAttribute('data-tone', 'done');
    expect(
      within(list).getByRole('listitem', { name: 'Job 2 (doc26 – doc50): running' }),
    ).toHaveAttribute('data-tone', 'running');
  });

  it('offers Send again for a job that may have been sent, and asks the runner to send it', async () => {
    const unsure: RunJob[] = jobs.map((job) =>
      job.index === 0
        ? { ...job, state: 'unsure', error: 'The page closed while this job was being sent.' }
        : job,
    );
    const { coordinator } = renderPanel({ hasKey: true, jobs: unsure });
    // The panel wakes the run's runner (from storage) and asks it; the runner's own work is tested apart.
    await coordinator.repository.db.runs.put(run);
    await coordinator.repository.db.jobs.bulkPut(unsure);
    const sendAgain = vi.spyOn(RunRunner.prototype, 'sendAgain').mockResolvedValue();
    const table = screen.getByRole('table', { name: 'Jobs that need attention' });
    expect(table.textContent).toContain('The page closed while this job was being sent.');
    await userEvent.click(within(table).getByRole('button', { name: 'Send again job 1' }));
    await vi.waitFor(() => expect(sendAgain).toHaveBeenCalledWith(0));
  });

  it('asks before cancelling the run', async () => {
    renderPanel({ hasKey: true });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this run?' });
    expect(dialog).toHaveTextContent('Jobs not sent yet are dropped');
    expect(within(dialog).getByRole('button', { name: 'Keep running' })).toBeEnabled();
  });
});

describe('Run panel, watched and throttled', () => {
  it('says when another tab runs the run, and offers no control that would act from here', () => {
    renderPanel({ hasKey: false, live: { ...live, elsewhere: true } });
    const notice = screen.getByRole('status', { name: 'This run is running in another tab' });
    expect(notice.textContent).toContain('takes the run over by itself');
    // That tab holds the key: this tab's empty form is not "waiting for the key".
    expect(screen.getByLabelText('Run: Running')).toHaveTextContent('Running');
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });

  it('shows the wait the service asked for, with Retry now', async () => {
    const { coordinator } = renderPanel({
      hasKey: true,
      live: { ...live, throttledUntil: Date.now() + 42_000 },
    });
    await coordinator.repository.db.runs.put(run);
    await coordinator.repository.db.jobs.bulkPut(jobs);
    expect(screen.getByText(/Throttled, retrying in 4[12] s/)).toBeVisible();
    const retryNow = vi.spyOn(RunRunner.prototype, 'retryNow').mockResolvedValue();
    await userEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await vi.waitFor(() => expect(retryNow).toHaveBeenCalled());
  });

  it('a job whose status is __proto__, constructor or toString shows that word, and nothing breaks', () => {
    for (const status of ['__proto__', 'constructor', 'toString']) {
      const [, sent] = jobs;
      if (!sent) throw new Error('The fixture has two jobs.');
      const odd: RunJob[] = [{ ...sent, index: 0, status }];
      renderPanel({ hasKey: true, jobs: odd });
      expect(screen.getByLabelText(`Status: ${status}`)).toHaveTextContent(status);
      cleanup();
    }
  });
});
