// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoAccessToken } from '../../demo/demo-token';
import { renderWithProviders } from '../../test/render';
import {
  applyConnectionSettings,
  EMPTY_CONNECTION,
  readConnectionSettings,
} from './connection-store';
import { CredentialsFields } from './credentials-fields';
import type { TokenProvider } from './token-provider';

afterEach(cleanup);
beforeEach(() => applyConnectionSettings(EMPTY_CONNECTION));

const tokenField = () =>
  screen.getByLabelText(/^Access token/, { selector: 'input[type="password"]' });
const keyField = () => screen.queryByLabelText(/^Key/, { selector: 'input[type="password"]' });

describe('Key or Access token', () => {
  it('is a choice with radio semantics; each shows its own field', async () => {
    renderWithProviders(<CredentialsFields errors={{}} />);
    const keyRadio = screen.getByRole('radio', { name: 'Key' });
    expect(keyRadio instanceof HTMLInputElement && keyRadio.checked).toBe(true);
    expect(keyField()).not.toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Access token' }));
    expect(readConnectionSettings().authMethod).toBe('bearer');
    expect(keyField()).toBeNull();
    expect(tokenField()).toBeVisible();
  });

  it('shows who the token is for and when it expires, read without verifying', async () => {
    applyConnectionSettings({ authMethod: 'bearer' });
    renderWithProviders(<CredentialsFields errors={{}} />);
    await userEvent.click(tokenField());
    await userEvent.paste(demoAccessToken(3600));
    const facts = await screen.findByText(/For Demo User, expires/);
    expect(facts.textContent).toMatch(/in 60 min/);
    expect(facts.textContent).toMatch(/without verifying/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns a minute before the token expires, and once it has expired', () => {
    applyConnectionSettings({ authMethod: 'bearer', token: demoAccessToken(30) });
    renderWithProviders(<CredentialsFields errors={{}} />);
    expect(screen.getByRole('alert').textContent).toMatch(/expires soon/);
    cleanup();
    applyConnectionSettings({ token: demoAccessToken(-10) });
    renderWithProviders(<CredentialsFields errors={{}} />);
    expect(screen.getByRole('alert').textContent).toMatch(/has expired/);
  });

  it('turns the expiry warning on by itself as time passes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      applyConnectionSettings({ authMethod: 'bearer', token: demoAccessToken(70) });
      renderWithProviders(<CredentialsFields errors={{}} />);
      expect(screen.queryByRole('alert')).toBeNull();
      await vi.advanceTimersByTimeAsync(15_000);
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/expires soon/));
    } finally {
      vi.useRealTimers();
    }
  });

  it('never stores the token, not even with Remember key', () => {
    applyConnectionSettings({ rememberKey: true, key: 'k1', authMethod: 'bearer' });
    const token = demoAccessToken(3600);
    applyConnectionSettings({ token });
    const stored = localStorage.getItem('classify-console:connection') ?? '';
    expect(stored).toContain('"authMethod":"bearer"');
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('"token"');
  });

  it('signs in through a token provider, and shows nothing of it when none is configured', async () => {
    applyConnectionSettings({ authMethod: 'bearer' });
    const token = demoAccessToken(3600);
    const provider: TokenProvider = { getToken: vi.fn(() => Promise.resolve(token)) };
    renderWithProviders(<CredentialsFields errors={{}} tokenProvider={provider} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    await waitFor(() => expect(readConnectionSettings().token).toBe(token));
    expect(await screen.findByText(/For Demo User/)).toHaveTextContent(/^For Demo User, expires/);
    cleanup();
    renderWithProviders(<CredentialsFields errors={{}} />);
    expect(screen.queryByRole('button', { name: 'Sign in with Microsoft' })).toBeNull();
  });

  it('says why sign-in failed', async () => {
    applyConnectionSettings({ authMethod: 'bearer' });
    const provider: TokenProvider = {
      getToken: () => Promise.reject(new Error('The popup was closed.')),
    };
    renderWithProviders(<CredentialsFields errors={{}} tokenProvider={provider} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The popup was closed.');
  });

  it('offers Sign in with Microsoft once a tenant and client ID are set', async () => {
    applyConnectionSettings({ authMethod: 'bearer' });
    renderWithProviders(<CredentialsFields errors={{}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign-in settings' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: /^Tenant/ }),
      'contoso.onmicrosoft.com',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /^Client ID/ }),
      '11111111-2222-3333-4444-555555555555',
    );
    expect(screen.getByRole('button', { name: 'Sign in with Microsoft' })).toBeEnabled();
  });
});

describe('a token with hostile claims', () => {
  const hostile = (payload: Record<string, unknown>) =>
    ['eyJhbGciOiJub25lIn0', Buffer.from(JSON.stringify(payload)).toString('base64url'), ''].join(
      '.',
    );

  it('says its expiry cannot be read instead of crashing, and strips bidi overrides', () => {
    applyConnectionSettings({
      authMethod: 'bearer',
      token: hostile({
        aud: 'https://cognitiveservices.azure.com',
        name: 'Mallory \u202Egnp.exe',
        exp: 1e13,
      }),
    });
    renderWithProviders(<CredentialsFields errors={{}} />);
    expect(screen.getByText(/For Mallory gnp\.exe, expiry unknown/)).not.toHaveTextContent(
      /[\u202A-\u202E\u2066-\u2069]/,
    );
    expect(screen.getByRole('alert').textContent).toMatch(
      /when it expires \(exp\) is not a usable time/,
    );
  });
});
