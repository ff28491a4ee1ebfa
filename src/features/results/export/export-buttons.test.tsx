// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import type { ResultItem } from '../result-item';
import { blobOfChunks, downloadFile } from './download-file';
import { ExportButtons } from './export-buttons';
import { itemsOf, marksOf, settings } from './export-test-data';
import { labelsToCsv, resultsToCsv } from './results-csv';
import { resultsToJson } from './results-json';

vi.mock('./download-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./download-file')>();
  return { ...actual, blobOfChunks: vi.fn(actual.blobOfChunks), downloadFile: vi.fn() };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  vi.useRealTimers();
});

const items = itemsOf(12);
const marks = marksOf(items);

function renderButtons(shown: readonly ResultItem[] = items) {
  return renderWithProviders(
    <ExportButtons items={shown} settings={settings} marks={marks} complete={false} />,
  );
}

const button = (name: string) => screen.getByRole('button', { name });
const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const encoded = (text: string) => new TextEncoder().encode(text);

/** The file the last download saved, once it has been written. */
async function saved() {
  await vi.waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
  const [blob, name] = vi.mocked(downloadFile).mock.calls[0] ?? [];
  if (!blob) throw new Error('Nothing was downloaded.');
  return { blob, name };
}

/** Holds the next file's writing until `finish` is called, then writes it for real. */
function holdNextWrite() {
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  vi.mocked(blobOfChunks).mockImplementationOnce(async (chunks, type) => {
    await finished;
    return new Blob([...chunks], { type });
  });
  return { finish };
}

describe('ExportButtons', () => {
  it('says beside the buttons that the labels file keeps texts byte for byte', () => {
    renderButtons();
    const note =
      'Download labels keeps every text byte for byte, to import again; Download CSV guards formulas for spreadsheets.';
    expect(screen.getByText(note)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Download labels' })).toHaveAccessibleDescription(
      note,
    );
  });

  it('downloads the CSV with a byte order mark, the same bytes as the whole text', async () => {
    renderButtons();
    await userEvent.click(button('Download CSV'));
    const { blob, name } = await saved();
    expect(name).toMatch(/^classify-results-\d{4}-\d\d-\d\dT\d\d-\d\d\.csv$/);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await bytes(blob)).toEqual(encoded(`\uFEFF${resultsToCsv(items, settings)}`));
  });

  it('downloads the JSON with the run, the marks and the time of the click', async () => {
    const exportedAt = new Date(2026, 11, 1, 10, 30);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(exportedAt);
    renderButtons();
    await userEvent.click(button('Download JSON'));
    const { blob, name } = await saved();
    expect(name).toBe('classify-results-2026-12-01T10-30.json');
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(
      resultsToJson(items, settings, { complete: false, exportedAt }, marks),
    );
  });

  it('downloads the labels with a byte order mark', async () => {
    renderButtons();
    await userEvent.click(button('Download labels'));
    const { blob, name } = await saved();
    expect(name).toMatch(/^classify-labels-.*\.csv$/);
    expect(await bytes(blob)).toEqual(encoded(`\uFEFF${labelsToCsv(items)}`));
  });

  it('shows the file is being written and ignores another click until it is saved', async () => {
    const { finish } = holdNextWrite();
    renderButtons();
    fireEvent.click(button('Download CSV'));
    fireEvent.click(button('Download CSV'));
    await vi.waitFor(() => expect(button('Download CSV').hasAttribute('data-loading')).toBe(true));
    expect(button('Download CSV')).toHaveProperty('disabled', true);
    expect(button('Download JSON')).toHaveProperty('disabled', false);
    fireEvent.click(button('Download CSV'));
    expect(blobOfChunks).toHaveBeenCalledTimes(1);
    finish();
    await saved();
    await vi.waitFor(() => expect(button('Download CSV').hasAttribute('data-loading')).toBe(false));
    expect(downloadFile).toHaveBeenCalledTimes(1);
  });

  it('says so beside the buttons when a file cannot be written, and lets it be tried again', async () => {
    vi.mocked(blobOfChunks).mockRejectedValueOnce(new Error('Out of memory.'));
    renderButtons();
    await userEvent.click(button('Download JSON'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The JSON file could not be written: Out of memory.',
    );
    expect(downloadFile).not.toHaveBeenCalled();
    await userEvent.click(button('Download JSON'));
    await saved();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers nothing to download before there are results', () => {
    renderButtons([]);
    for (const name of ['Download CSV', 'Download JSON', 'Download labels'])
      expect(button(name)).toHaveProperty('disabled', true);
  });
});
