// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ENDPOINT, DEMO_KEY } from '../../demo/demo-settings';
import { renderWithProviders } from '../../test/render';
import {
  applyConnectionSettings,
  EMPTY_CONNECTION,
  readConnectionSettings,
} from './connection-store';
import { ShareViewButton } from './share-view-button';
import { shareViewUrl } from './shared-view';
import { SharedViewPrompt } from './shared-view-prompt';

const view = {
  endpoint: 'https://shared.cognitiveservices.azure.com',
  apiVersion: '2023-04-01' as const,
  labelMode: 'multi' as const,
  projectName: 'MovieGenres',
  deploymentName: 'production',
  modelId: '',
  language: 'en',
};

function openLink() {
  history.replaceState(null, '', new URL(shareViewUrl(view, location.href)).hash);
}

beforeEach(() => {
  history.replaceState(null, '', '/');
  applyConnectionSettings(EMPTY_CONNECTION);
});
afterEach(cleanup);

describe('Opening a shared view', () => {
  it('applies a view of the demo at once over the demo, and takes it out of the address bar', () => {
    applyConnectionSettings({
      endpoint: DEMO_ENDPOINT,
      key: DEMO_KEY,
      projectName: 'SupportTickets',
    });
    const demoView = { ...view, endpoint: DEMO_ENDPOINT };
    history.replaceState(null, '', new URL(shareViewUrl(demoView, location.href)).hash);
    const onApplied = vi.fn();
    renderWithProviders(<SharedViewPrompt onApplied={onApplied} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(readConnectionSettings()).toMatchObject({ ...demoView, key: DEMO_KEY });
    expect(onApplied).toHaveBeenCalledWith(demoView);
    expect(location.hash).toBe('');
  });

  it.each([
    ['on a first visit', {}],
    ['over the demo', { endpoint: DEMO_ENDPOINT, key: DEMO_KEY, projectName: 'SupportTickets' }],
  ])('asks %s before changing the endpoint, and shows it whole', async (_when, form) => {
    applyConnectionSettings(form);
    const before = readConnectionSettings();
    openLink();
    const onApplied = vi.fn();
    renderWithProviders(<SharedViewPrompt onApplied={onApplied} />);
    const dialog = await screen.findByRole('dialog', { name: 'Open the shared view?' });
    expect(within(dialog).getByText(view.endpoint)).toBeVisible();
    // An Azure AI host: no warning.
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(readConnectionSettings()).toEqual(before);
    expect(onApplied).not.toHaveBeenCalled();
  });

  it('warns when the link’s host is not an Azure AI host', async () => {
    applyConnectionSettings({ endpoint: DEMO_ENDPOINT, key: DEMO_KEY });
    const endpoint = 'https://contoso-language.cognitiveservices.azure.com.evil.example';
    history.replaceState(
      null,
      '',
      new URL(shareViewUrl({ ...view, endpoint }, location.href)).hash,
    );
    renderWithProviders(<SharedViewPrompt />);
    const dialog = await screen.findByRole('dialog', { name: 'Open the shared view?' });
    expect(within(dialog).getByText(endpoint)).toBeVisible();
    const warning = within(dialog).getByRole('alert');
    expect(warning.textContent).toContain('Not an Azure AI host');
    expect(warning.textContent).toContain(
      'contoso-language.cognitiveservices.azure.com.evil.example is not an Azure AI Language host',
    );
    expect(readConnectionSettings().endpoint).toBe(DEMO_ENDPOINT);
  });

  it('refuses a link whose endpoint curl would expand, says why, and applies nothing', async () => {
    applyConnectionSettings({ endpoint: DEMO_ENDPOINT, key: DEMO_KEY });
    const endpoint = 'https://contoso-language.cognitiveservices.azure.com{,.evil.example}';
    history.replaceState(
      null,
      '',
      new URL(shareViewUrl({ ...view, endpoint }, location.href)).hash,
    );
    const onApplied = vi.fn();
    renderWithProviders(<SharedViewPrompt onApplied={onApplied} />);
    const dialog = await screen.findByRole('dialog', {
      name: 'The shared view could not be opened',
    });
    expect(dialog.textContent).toContain('“{”, “,”, “}”');
    expect(dialog.textContent).toContain('Your settings were not changed.');
    expect(readConnectionSettings()).toMatchObject({ endpoint: DEMO_ENDPOINT, key: DEMO_KEY });
    expect(onApplied).not.toHaveBeenCalled();
  });

  it('asks before replacing a form the user filled, and Keep my settings changes nothing', async () => {
    applyConnectionSettings({
      endpoint: 'https://mine.cognitiveservices.azure.com',
      key: 'mine',
      projectName: 'Mine',
    });
    openLink();
    renderWithProviders(<SharedViewPrompt />);
    const dialog = await screen.findByRole('dialog', { name: 'Open the shared view?' });
    expect(dialog.textContent).toContain('It replaces your connection settings');
    expect(dialog.textContent).toContain('Your key and token are cleared');
    expect(location.hash).toBe('');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep my settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(readConnectionSettings()).toMatchObject({ projectName: 'Mine', key: 'mine' });
  });

  it('replaces the form when the user agrees', async () => {
    applyConnectionSettings({
      endpoint: 'https://mine.cognitiveservices.azure.com',
      key: 'mine',
      projectName: 'Mine',
    });
    openLink();
    renderWithProviders(<SharedViewPrompt />);
    const dialog = await screen.findByRole('dialog', { name: 'Open the shared view?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open shared view' }));
    expect(readConnectionSettings()).toMatchObject({ ...view, key: '' });
  });

  it('says so when the link’s view is bad, and changes nothing', async () => {
    history.replaceState(null, '', '#view=%7Bbroken');
    renderWithProviders(<SharedViewPrompt />);
    expect(
      await screen.findByRole('dialog', { name: 'The shared view could not be opened' }),
    ).toHaveTextContent('Your settings were not changed.');
    expect(readConnectionSettings().endpoint).toBe('');
  });
});

describe('Share view', () => {
  it('copies a link with the view and without the key, and says Copied', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
    applyConnectionSettings({ ...view, key: 'very-secret' });
    renderWithProviders(<ShareViewButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Share view' }));
    expect(copied[0]).toContain('#view=');
    expect(copied[0]).toContain('MovieGenres');
    expect(copied[0]).not.toContain('very-secret');
    expect((await screen.findByRole('status')).textContent).toMatch(/^Copied/);
  });
});
