// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ENDPOINT } from '../demo/demo-settings';
import {
  applyConnectionSettings,
  EMPTY_CONNECTION,
  readConnectionSettings,
} from '../features/connection/connection-store';
import {
  readDocuments,
  setDocumentsDraft,
  useDocumentsActions,
} from '../features/documents/documents-store';
import { renderWithProviders } from '../test/render';
import { DEFAULT_DEMO, demoDocuments, demoSettings } from './demo';
import { useDemoRunRequest } from './demo-run-request';
import { ownValues, TryDemo } from './try-demo';

// The simulated service is MSW in a service worker, which happy-dom has not got.
vi.mock('./demo', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./demo')>()),
  startDemo: () => Promise.resolve({ reset: () => undefined }),
}));

const mine = {
  endpoint: 'https://myres.cognitiveservices.azure.com',
  key: 'secret-123',
  projectName: 'Tickets',
  deploymentName: 'prod',
};

beforeEach(() => {
  applyConnectionSettings(EMPTY_CONNECTION);
  setDocumentsDraft('');
});
afterEach(async () => {
  cleanup();
  // An imported set is saved to IndexedDB in the background; a save still finishing when the file's
  // environment is torn down would write the settled draft to a localStorage that is gone.
  await waitFor(() => expect(readDocuments().saving).toBe(false));
});

describe('ownValues', () => {
  const noDocuments = { draft: '', imported: undefined, sourceName: undefined };

  it('finds nothing of the user’s in an empty form or in a demo', () => {
    expect(ownValues(EMPTY_CONNECTION, noDocuments)).toEqual([]);
    const multi = { ...EMPTY_CONNECTION, ...demoSettings({ ...DEFAULT_DEMO, labelMode: 'multi' }) };
    expect(ownValues(multi, { ...noDocuments, draft: demoDocuments('single') })).toEqual([]);
  });

  it('names what the demo would replace, never the key itself', () => {
    const settings = { ...EMPTY_CONNECTION, ...mine };
    expect(ownValues(settings, { ...noDocuments, draft: 'One\n\nTwo' })).toEqual([
      'the endpoint https://myres.cognitiveservices.azure.com',
      'your key',
      'the project Tickets',
      'the deployment prod',
      'the 2 documents in the text box',
    ]);
    // Sample documents edited by hand are the user's too, and so is an imported set.
    const demo = { ...EMPTY_CONNECTION, ...demoSettings(DEFAULT_DEMO) };
    expect(ownValues(demo, { ...noDocuments, draft: `${demoDocuments('single')} more` })).toEqual([
      'the 5 documents in the text box',
    ]);
    expect(
      ownValues(demo, {
        draft: '',
        imported: { sourceName: 'tickets.csv', documents: [] },
        sourceName: 'tickets.csv',
      }),
    ).toEqual(['the documents from tickets.csv']);
  });
});

describe('TryDemo', () => {
  it('fills an empty form at once', async () => {
    renderWithProviders(<TryDemo />);
    await userEvent.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(readConnectionSettings().endpoint).toBe(DEMO_ENDPOINT);
    expect(readDocuments().draft).toBe(demoDocuments('single'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before replacing the user’s own settings, and keeps them when told to', async () => {
    const user = userEvent.setup();
    applyConnectionSettings(mine);
    setDocumentsDraft('My own ticket');
    renderWithProviders(<TryDemo />);

    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Replace your settings with the demo?',
    });
    expect(dialog.textContent).toContain('the endpoint https://myres.cognitiveservices.azure.com');
    expect(dialog.textContent).toContain('the 1 document in the text box');
    expect(dialog.textContent).not.toContain('secret-123');
    await user.click(screen.getByRole('button', { name: 'Keep my settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(readConnectionSettings().endpoint).toBe(mine.endpoint);
    expect(readConnectionSettings().key).toBe(mine.key);
    expect(readDocuments().draft).toBe('My own ticket');

    // Every More demos item asks the same way; confirming replaces everything.
    await user.click(screen.getByRole('button', { name: /More demos/ }));
    // Floating UI hides the dropdown as "detached" in happy-dom, which lays nothing out.
    await user.click(
      await screen.findByRole('menuitem', { name: /Multi label, GA API/, hidden: true }),
    );
    await screen.findByRole('dialog', { name: 'Replace your settings with the demo?' });
    await user.click(screen.getByRole('button', { name: 'Replace with the demo' }));
    await waitFor(() => expect(readConnectionSettings().endpoint).toBe(DEMO_ENDPOINT));
    expect(readConnectionSettings().labelMode).toBe('multi');
    expect(readDocuments().draft).toBe(demoDocuments('multi'));
  });

  it('uses the demo’s text when an imported file was in use', async () => {
    const user = userEvent.setup();
    applyConnectionSettings(demoSettings(DEFAULT_DEMO));
    const { result } = renderHook(() => useDocumentsActions());
    act(() =>
      result.current.setImported({
        sourceName: 'tickets.csv',
        documents: [{ id: 'T-1', text: 'Charged twice' }],
      }),
    );
    renderWithProviders(<TryDemo />);

    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('the documents from tickets.csv');
    await user.click(screen.getByRole('button', { name: 'Replace with the demo' }));
    await waitFor(() => expect(readDocuments().imported).toBeUndefined());
    expect(readDocuments().draft).toBe(demoDocuments('single'));
  });

  it('Improve the support tickets model loads the labelled tickets and asks for their run; the labelled demo only loads them', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TryDemo />);
    const request = renderHook(() => useDemoRunRequest());
    const choose = async (name: string) => {
      await user.click(screen.getByRole('button', { name: /More demos/ }));
      await user.click(await screen.findByRole('menuitem', { name, hidden: true }));
    };

    await choose('Labelled support tickets (evaluation)');
    await waitFor(() => expect(readDocuments().imported?.documents).toHaveLength(40));
    expect(request.result.current).toBeUndefined();

    await choose('Improve the support tickets model');
    // The sample in use is an imported set: the demo asks before replacing it, as for any file.
    await user.click(await screen.findByRole('button', { name: 'Replace with the demo' }));
    await waitFor(() => expect(request.result.current).toBe('labelled support tickets (demo)'));
    expect(readDocuments().imported?.sourceName).toBe('labelled support tickets (demo)');
    expect(readConnectionSettings().endpoint).toBe(DEMO_ENDPOINT);
  });
});
