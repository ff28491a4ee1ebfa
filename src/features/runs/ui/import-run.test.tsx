// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { RunCoordinator } from '../engine/run-coordinator';
import type { RunService } from '../engine/run-service';
import { readRunFile } from '../file/run-file-read';
import { writeRunFile } from '../file/run-file-write';
import { documentSlices, testWholeRun } from '../file/test-run-file';
import type { WholeRun } from '../store/run-model';
import { RunsDatabase } from '../store/runs-db';
import { createRunsRepository } from '../store/runs-repository';
import { RunsProvider } from './runs-context';
import { resetRunFileState } from './run-file-store';
import { RunsTable } from './runs-table';
import { useRunRows } from './use-runs';

afterEach(() => {
  cleanup();
  resetRunFileState();
});

/** A service that must never be called: an imported run sends and polls nothing. */
function silentService() {
  const calls = vi.fn();
  const service: RunService = {
    submit: (...args) => {
      calls('submit', ...args);
      return Promise.reject(new Error('no request'));
    },
    poll: (...args) => {
      calls('poll', ...args);
      return Promise.reject(new Error('no request'));
    },
    cancel: (...args) => {
      calls('cancel', ...args);
      return Promise.reject(new Error('no request'));
    },
  };
  return { service, calls };
}

async function runFile(whole: WholeRun): Promise<File> {
  const { blob, fileName } = await writeRunFile({ ...whole, documents: documentSlices(whole) });
  return new File([blob], fileName);
}

function Runs(props: {
  pick: () => Promise<File | undefined>;
  onOpen: (runId: string) => void;
  onSaveFile: (blob: Blob, fileName: string) => void;
}) {
  const rows = useRunRows();
  if (!rows) return null;
  return (
    <RunsTable
      rows={rows}
      openRunId={undefined}
      onOpen={props.onOpen}
      onRerun={() => undefined}
      onDelete={() => undefined}
      rerunBlocked={undefined}
      onSaveFile={props.onSaveFile}
      pickFile={props.pick}
    />
  );
}

function renderRuns() {
  const repository = createRunsRepository(new RunsDatabase(`import-run-${crypto.randomUUID()}`));
  const { service, calls } = silentService();
  // The form holds a key for the run's endpoint: even so, nothing may be sent or polled.
  const coordinator = new RunCoordinator({
    repository,
    queryClient: new QueryClient(),
    secretFor: () => ({ key: 'form-key', scheme: 'key' }),
    service,
  });
  const chosen: { file: File | undefined } = { file: undefined };
  const onOpen = vi.fn();
  const onSaveFile = vi.fn<(blob: Blob, fileName: string) => void>();
  const ui = (
    <RunsProvider coordinator={coordinator}>
      <Runs pick={() => Promise.resolve(chosen.file)} onOpen={onOpen} onSaveFile={onSaveFile} />
    </RunsProvider>
  );
  const view = renderWithProviders(ui);
  /** As when the run list is read afresh (opening a run can suspend the runs area). */
  const remount = () => {
    view.unmount();
    renderWithProviders(ui);
  };
  const importFile = async (file: File) => {
    chosen.file = file;
    await userEvent.click(await screen.findByRole('button', { name: 'Import run' }));
  };
  return { repository, coordinator, calls, onOpen, onSaveFile, importFile, remount };
}

const runRows = () => within(screen.getByRole('table', { name: 'Runs' })).getAllByRole('rowheader');

describe('Import run', () => {
  it('imports a run file: the run appears and opens, and its unfinished jobs are not driven', async () => {
    const { repository, coordinator, calls, onOpen, importFile } = renderRuns();
    const whole = testWholeRun(50);
    const sent = {
      ...whole,
      jobs: whole.jobs.map((job, i) => (i === 1 ? { ...job, state: 'sent' as const } : job)),
    };
    await importFile(await runFile(sent));

    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('run-1'));
    await waitFor(() => expect(runRows().map((row) => row.textContent)).toEqual([whole.run.name]));
    expect(screen.getByRole('status')).toHaveTextContent(
      `Imported “${whole.run.name}”: 50 documents and 50 results, with no request to the service. Jobs not finished at the export (1)`,
    );
    expect(await repository.results('run-1')).toHaveLength(50);
    expect((await repository.corrections('run-1'))[0]?.labels).toEqual(['Account']);
    expect((await repository.get('run-1'))?.threshold).toBe(0.35);
    expect((await repository.jobs('run-1')).map((job) => job.state)).toEqual([
      'finished',
      'unsure',
    ]);
    // A reload's resume finds nothing to drive either.
    await coordinator.resumeAll();
    expect(coordinator.runner('run-1')).toBeUndefined();
    expect(calls).not.toHaveBeenCalled();
  });

  it('importing the same run again asks: Cancel changes nothing, Keep both adds a copy, Replace replaces it', async () => {
    const { repository, importFile } = renderRuns();
    const whole = testWholeRun(4);
    await importFile(await runFile(whole));
    await waitFor(() => expect(runRows()).toHaveLength(1));

    await importFile(await runFile(whole));
    let dialog = await screen.findByRole('dialog', { name: 'This run is already in this browser' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await repository.list()).toHaveLength(1);

    await importFile(await runFile(whole));
    dialog = await screen.findByRole('dialog', { name: 'This run is already in this browser' });
    expect(dialog).toHaveTextContent(`added as “${whole.run.name} (imported)”`);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(runRows()).toHaveLength(2));
    const names = runRows().map((row) => row.textContent);
    expect(names).toContain(`${whole.run.name} (imported)`);
    const copy = (await repository.list()).find((run) => run.id !== 'run-1');
    expect(await repository.results(copy?.id ?? '')).toHaveLength(4);

    // Replace: the file's copy (renamed, another threshold) takes the place of the stored one.
    const changed = { ...whole, run: { ...whole.run, name: 'Reviewed', threshold: 0.9 } };
    await importFile(await runFile(changed));
    dialog = await screen.findByRole('dialog', { name: 'This run is already in this browser' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(runRows().map((row) => row.textContent)).toContain('Reviewed'));
    expect(runRows()).toHaveLength(2);
    expect((await repository.get('run-1'))?.threshold).toBe(0.9);
    expect(await repository.documents('run-1')).toHaveLength(4);
  });

  it('keeps the question when the Runs table mounts again meanwhile', async () => {
    const { repository, importFile, remount } = renderRuns();
    const whole = testWholeRun(4);
    await importFile(await runFile(whole));
    await waitFor(() => expect(runRows()).toHaveLength(1));
    await importFile(await runFile(whole));
    await screen.findByRole('dialog', { name: 'This run is already in this browser' });
    remount();
    const dialog = await screen.findByRole('dialog', {
      name: 'This run is already in this browser',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep both' }));
    await waitFor(async () => expect(await repository.list()).toHaveLength(2));
  });

  it('does not offer Replace while the stored run is still under way here', async () => {
    const { repository, importFile } = renderRuns();
    const whole = testWholeRun(4);
    await repository.importRun(
      { ...whole, jobs: whole.jobs.map((job) => ({ ...job, state: 'queued' })) },
      false,
    );
    await importFile(await runFile(whole));
    const dialog = await screen.findByRole('dialog', {
      name: 'This run is already in this browser',
    });
    const replace = within(dialog).getByRole('button', { name: 'Replace' });
    expect(replace).toBeDisabled();
    expect(replace).toHaveAccessibleDescription(/cannot be replaced while it may still be sending/);
  });

  it('refuses a broken file in an alert, and nothing in the browser changes', async () => {
    const { repository, importFile } = renderRuns();
    await importFile(await runFile(testWholeRun(4)));
    await waitFor(() => expect(runRows()).toHaveLength(1));
    const before = await repository.db.documents.count();

    const text = JSON.stringify({ format: 'classify-run', version: 7 });
    await importFile(new File([text], 'future.classify-run.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('future.classify-run.json was not imported');
    expect(alert).toHaveTextContent(
      'This run file is format version 7, written by a newer Classify Console; this one reads version 1. Nothing in this browser was changed.',
    );
    expect(runRows()).toHaveLength(1);
    expect(await repository.list()).toHaveLength(1);
    expect(await repository.db.documents.count()).toBe(before);

    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Export…', () => {
  it('writes the stored run as a file that imports as the same run', async () => {
    const { repository, onSaveFile, importFile } = renderRuns();
    const whole = testWholeRun(60);
    await importFile(await runFile(whole));
    await waitFor(() => expect(runRows()).toHaveLength(1));

    await userEvent.click(screen.getByRole('button', { name: `Export… ${whole.run.name}` }));
    await waitFor(() => expect(onSaveFile).toHaveBeenCalledOnce());
    const [blob, fileName] = onSaveFile.mock.calls[0] ?? [new Blob(), ''];
    expect(fileName).toBe('SupportTickets-production · tickets.classify-run.json.gz');
    const file = await readRunFile(blob);
    expect(file.documents).toEqual(
      (await repository.documents('run-1')).map(({ id, text, language, labels, metadata }) => ({
        id,
        text,
        ...(language ? { language } : {}),
        labels,
        metadata,
      })),
    );
    expect(file.results).toHaveLength(60);
    expect(file.run.threshold).toBe(0.35);
  });
});
