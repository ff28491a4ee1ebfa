// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planBatch } from '../../service/batching';
import { DocumentsEditor } from './documents-editor';
import { setDocumentsDraft, useDocumentsDraft, useImportedDocuments } from './documents-store';
import { buildImport, selectFiles, sourceKind, type ImportSource } from './import/build-import';
import { guessDelimiter, parseDelimited } from './import/delimited';
import type { ImportOptions } from './import/import-files';
import { splitDocuments } from './paragraphs';

// happy-dom has no Web Workers: the worker's own pure steps stand in for it.
vi.mock('./import/import-files', () => ({
  importFiles: async (files: File[], { choice }: ImportOptions = {}) => {
    const { accepted, skipped, problems } = selectFiles(files);
    const sources = await Promise.all(
      accepted.map(async (file): Promise<ImportSource> => {
        const text = await file.text();
        return sourceKind(file.name) === 'table'
          ? {
              name: file.name,
              kind: 'table',
              table: parseDelimited(text, guessDelimiter(file.name, text.split('\n', 1)[0] ?? '')),
            }
          : { name: file.name, kind: 'json', text };
      }),
    );
    return buildImport(sources, skipped, choice, problems);
  },
}));

/** The editor with the counter fed as the workspace feeds it: from the one document set. */
function Workspace() {
  const draft = useDocumentsDraft();
  const imported = useImportedDocuments();
  const plan = planBatch(imported ? imported.documents : splitDocuments(draft));
  return (
    <MantineProvider>
      <DocumentsEditor size={plan.size} plan={plan} error={undefined} />
    </MantineProvider>
  );
}

const tickets = new File(
  [
    'ticket_id,body,expected\nT-1,Charged twice,Billing\nT-2,App crashes,TechnicalIssue;Mobile\nT-3,Where is my parcel,Shipping\n',
  ],
  'tickets.csv',
  { type: 'text/csv' },
);

// Mantine's autosizing text box listens for web fonts, which happy-dom does not have.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => undefined, removeEventListener: () => undefined },
});

afterEach(cleanup);

describe('DocumentsEditor', () => {
  it('uses a chosen file at once, and goes back to the text box in one click', async () => {
    const user = userEvent.setup();
    render(<Workspace />);
    await user.type(screen.getByRole('textbox', { name: 'Documents' }), 'One{enter}{enter}Two');
    expect(screen.getByText(/^2 documents · /)).toBeVisible();

    await user.upload(screen.getByLabelText('Choose files'), tickets);
    const status = await screen.findByText(/^Using 3 documents from/);
    expect(within(status).getByText('tickets.csv')).toBeVisible();
    expect(screen.getByText(/^3 documents · /)).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Documents' })).toBeNull();
    expect(await screen.findByText('Mobile')).toBeVisible();

    // A new column choice is applied at once: without an id column, documents are numbered.
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'ID column' }),
      'None: number them doc1, doc2, …',
    );
    expect(await screen.findByText('doc1')).toBeVisible();
    expect(screen.getByText(/^3 documents · /)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Use the text box instead' }));
    expect(screen.getByRole('textbox', { name: 'Documents' })).toHaveProperty(
      'value',
      'One\n\nTwo',
    );
    expect(screen.getByText(/^2 documents · /)).toBeVisible();
    expect(screen.queryByRole('combobox', { name: 'Text column' })).toBeNull();
  });

  it('applies nothing from a file with blocking problems, and says why', async () => {
    const user = userEvent.setup();
    render(<Workspace />);
    const before = screen.getByText(/documents · /).textContent;
    const duplicates = new File(
      ['{"id":"a","text":"one"}\n{"id":"b","text":"two"}\n{"id":"a","text":"three"}\n'],
      'records.jsonl',
    );
    await user.upload(screen.getByLabelText('Choose files'), duplicates);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1 id is used more than once');
    expect(screen.getByRole('textbox', { name: 'Documents' })).toBeVisible();
    expect(screen.getByText(/documents · /).textContent).toBe(before);
  });

  it('says a spreadsheet is not read, and what to do, as the one message', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<Workspace />);
    const workbook = new File(['PK\u0003\u0004'], 'tickets.xlsx');
    await user.upload(screen.getByLabelText('Choose files'), workbook);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/tickets\.xlsx is a spreadsheet.*save it as CSV/);
    expect(document.body.textContent).not.toContain('No documents were found');
    expect(screen.queryByText('Good to know')).toBeNull();
  });

  it('says in the counter, before any submit, what cannot be sent', () => {
    render(<Workspace />);
    act(() => setDocumentsDraft(''));
    expect(
      screen.getByText('0 documents · nothing to send: add at least one document'),
    ).toBeVisible();
    act(() => setDocumentsDraft('x'.repeat(130_000)));
    expect(
      screen.getByText(
        '1 document · 130,000 characters · nothing to send: doc1 is over 125,000 characters, more than a job holds',
      ),
    ).toBeVisible();
    act(() => setDocumentsDraft(`Short\n\n${'x'.repeat(130_000)}`));
    expect(
      screen.getByText(
        /^2 documents · .* · one job .* · doc2 is over 125,000 characters and will not be sent$/,
      ),
    ).toBeVisible();
  });
});
