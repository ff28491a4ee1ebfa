// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../lib/format';
import { renderWithProviders } from '../../../test/render';
import type { Run, RunJob } from '../store/run-model';
import { focusAfterDeletion, RunsTable } from './runs-table';
import { testRunSettings } from '../store/test-runs';
import { RunCoordinator } from '../engine/run-coordinator';
import { RunsDatabase } from '../store/runs-db';
import { createRunsRepository } from '../store/runs-repository';
import { RunsProvider } from './runs-context';
import { resetRunFileState } from './run-file-store';

afterEach(() => {
  cleanup();
  resetRunFileState();
});

const settings: Run['settings'] = {
  ...testRunSettings,
  endpoint: 'https://contoso.cognitiveservices.azure.com',
  resourceEndpoint: 'https://contoso.cognitiveservices.azure.com',
};

function run(id: string, name: string, documentCount: number): Run {
  return {
    id,
    createdAt: Date.UTC(2026, 11, 1, 9),
    name,
    settings,
    documentCount,
    labelled: false,
    source: 'tickets.csv',
    oversized: [],
    intent: 'run',
  };
}

function job(runId: string, index: number, patch: Partial<RunJob>): RunJob {
  return {
    runId,
    index,
    documentIndexes: Array.from({ length: 25 }, (_, offset) => index * 25 + offset),
    firstId: `doc${index * 25 + 1}`,
    lastId: `doc${index * 25 + 25}`,
    state: 'queued',
    ...patch,
  };
}

const rows = [
  {
    run: run('a', 'SupportTickets/production · 50 docs', 50),
    jobs: [
      job('a', 0, { state: 'finished', outcome: 'done', status: 'succeeded', failedDocuments: 2 }),
      job('a', 1, { state: 'sent', status: 'running' }),
    ],
  },
  {
    run: run('b', 'Nightly tickets', 25),
    jobs: [job('b', 0, { state: 'finished', outcome: 'done', status: 'succeeded' })],
  },
];

function renderTable(overrides: Partial<Parameters<typeof RunsTable>[0]> = {}) {
  const handlers = { onOpen: vi.fn(), onRerun: vi.fn(), onDelete: vi.fn(), onSaveFile: vi.fn() };
  const coordinator = new RunCoordinator({
    repository: createRunsRepository(new RunsDatabase(`runs-table-${crypto.randomUUID()}`)),
    queryClient: new QueryClient(),
    secretFor: () => undefined,
  });
  renderWithProviders(
    <RunsProvider coordinator={coordinator}>
      <RunsTable rows={rows} openRunId="a" rerunBlocked={undefined} {...handlers} {...overrides} />
    </RunsProvider>,
  );
  return handlers;
}

describe('Runs table', () => {
  it('has one row per run with its progress, failures and status in words', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Runs' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first?.textContent).toContain('SupportTickets/production · 50 docs');
    expect(first?.textContent).toContain('SupportTickets / production');
    expect(first?.textContent).toContain('Single label');
    expect(first?.textContent).toContain('25 / 50');
    expect(first?.textContent).toContain('Running');
    expect(second?.textContent).toContain('25 / 25');
    expect(second?.textContent).toContain('Done');
  });

  it('opens and reruns a run by its name', async () => {
    const { onOpen, onRerun } = renderTable();
    await userEvent.click(screen.getByRole('button', { name: 'Open Nightly tickets' }));
    expect(onOpen).toHaveBeenCalledWith('b');
    await userEvent.click(screen.getByRole('button', { name: 'Rerun Nightly tickets' }));
    expect(onRerun).toHaveBeenCalledWith('b');
  });

  it('asks before deleting, and Keep it deletes nothing', async () => {
    const { onDelete } = renderTable();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Nightly tickets' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the run “Nightly tickets”?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(onDelete).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Nightly tickets' }));
    const again = await screen.findByRole('dialog', { name: 'Delete the run “Nightly tickets”?' });
    // Runs of the same name are told apart by when they started.
    expect(again.textContent).toContain(
      formatDateTime(new Date(Date.UTC(2026, 11, 1, 9)).toISOString()),
    );
    await userEvent.click(within(again).getByRole('button', { name: 'Delete run' }));
    expect(onDelete).toHaveBeenCalledWith('b');
  });

  it('has Export… and Import run beside the table, and with no runs, Import run alone', () => {
    renderTable();
    expect(screen.getByRole('button', { name: 'Export… Nightly tickets' })).toHaveTextContent(
      'Export…',
    );
    expect(screen.getByRole('button', { name: 'Import run' })).toBeVisible();
    cleanup();
    renderTable({ rows: [] });
    expect(screen.queryByRole('table', { name: 'Runs' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Run files' })).toContainElement(
      screen.getByRole('button', { name: 'Import run' }),
    );
  });

  it('cannot rerun while the form has no valid settings, and says why', () => {
    renderTable({ rerunBlocked: 'Fill in the connection and the model first.' });
    expect(screen.getByRole('button', { name: 'Rerun Nightly tickets' })).toBeDisabled();
    expect(screen.getByText(/Fill in the connection and the model first/)).toBeVisible();
  });
});

describe('focusAfterDeletion', () => {
  it('goes to the next row, else the previous one, else nowhere (the Runs heading)', () => {
    expect(focusAfterDeletion(['a', 'b', 'c'], 'a')).toBe('b');
    expect(focusAfterDeletion(['a', 'b', 'c'], 'b')).toBe('c');
    expect(focusAfterDeletion(['a', 'b', 'c'], 'c')).toBe('b');
    expect(focusAfterDeletion(['a'], 'a')).toBeUndefined();
  });
});
