// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENDPOINT, DEMO_KEY } from '../demo/demo-settings';
import { demoAccessToken } from '../demo/demo-token';
import { createServiceHandlers } from '../demo/handlers';
import { renderWithProviders } from '../test/render';
import { ConnectionPanel } from './connection-panel';
import {
  applyConnectionSettings,
  EMPTY_CONNECTION,
  readConnectionSettings,
} from '../features/connection/connection-store';

const handlers = createServiceHandlers({ origin: DEMO_ENDPOINT });
const server = setupServer(...handlers);
const urls: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => urls.push(request.url));
});
beforeEach(() => {
  urls.length = 0;
  applyConnectionSettings({ ...EMPTY_CONNECTION, endpoint: DEMO_ENDPOINT, key: DEMO_KEY });
});
afterEach(() => {
  cleanup();
  handlers.state.reset();
});
afterAll(() => server.close());

const projectField = () => screen.getByRole('combobox', { name: /^Project name/ });
const deploymentField = () => screen.getByRole('combobox', { name: /^Deployment name/ });

async function suggestionsRead() {
  // After the credentials settle (600 ms) and the pickers' chunk is in.
  await screen.findByText(
    'Suggestions from this resource: 2 classification projects.',
    {},
    { timeout: 3000 },
  );
}

describe('Project and deployment pickers', () => {
  it('suggests the resource’s classification projects, with language and training time', async () => {
    renderWithProviders(<ConnectionPanel errors={{}} />);
    await suggestionsRead();
    await userEvent.click(projectField());
    const list = await screen.findByRole('listbox');
    const options = within(list).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringMatching(/^SupportTickets.*en-us · single label · trained /),
      expect.stringMatching(/^MovieGenres.*multi label/),
    ]);
  });

  it('sets the kind from the chosen project, then suggests its deployments with model and expiry', async () => {
    renderWithProviders(<ConnectionPanel errors={{}} />);
    await suggestionsRead();
    await userEvent.click(projectField());
    await userEvent.click(await screen.findByRole('option', { name: /^MovieGenres/ }));
    expect(readConnectionSettings()).toMatchObject({
      projectName: 'MovieGenres',
      labelMode: 'multi',
    });
    await userEvent.click(projectField());
    await userEvent.clear(projectField());
    await userEvent.type(projectField(), 'Sup');
    await userEvent.click(await screen.findByRole('option', { name: /^SupportTickets/ }));
    expect(readConnectionSettings()).toMatchObject({
      projectName: 'SupportTickets',
      labelMode: 'single',
    });

    await userEvent.click(deploymentField());
    const production = await screen.findByRole(
      'option',
      { name: /^production/ },
      { timeout: 3000 },
    );
    expect(production.textContent).toMatch(/model v2 · expires .*\(soon\)/);
    expect(screen.getByRole('option', { name: /^staging/ }).textContent).toMatch(/model v3/);
    await userEvent.click(production);
    expect(readConnectionSettings().deploymentName).toBe('production');
  });

  it('flags a name that is not on the resource, with a case hint, without blocking', async () => {
    applyConnectionSettings({ projectName: 'supporttickets' });
    renderWithProviders(<ConnectionPanel errors={{}} />);
    await waitFor(
      () =>
        expect(projectField()).toHaveAccessibleDescription(
          /Not on this resource\. Did you mean SupportTickets\?/,
        ),
      { timeout: 3000 },
    );
    expect(projectField().getAttribute('aria-invalid')).toBeNull();
    applyConnectionSettings({ projectName: 'SupportTickets', deploymentName: 'prod' });
    await waitFor(
      () =>
        expect(deploymentField()).toHaveAccessibleDescription(
          /Not on this resource, which has production, staging/,
        ),
      { timeout: 3000 },
    );
  });

  it('reads the list once per endpoint and secret, not on every keystroke, and Refresh reads again', async () => {
    renderWithProviders(<ConnectionPanel errors={{}} />);
    await suggestionsRead();
    const projectReads = () => urls.filter((url) => url.includes('/projects?')).length;
    const afterFirst = projectReads();
    expect(afterFirst).toBeGreaterThan(0);
    await userEvent.type(screen.getByRole('textbox', { name: /^Language/ }), 'en');
    expect(projectReads()).toBe(afterFirst);
    expect(urls.every((url) => !url.includes(DEMO_KEY))).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(projectReads()).toBeGreaterThan(afterFirst));
  });

  it('reads them with an access token too', async () => {
    applyConnectionSettings({ key: '', authMethod: 'bearer', token: demoAccessToken(3600) });
    renderWithProviders(<ConnectionPanel errors={{}} />);
    await suggestionsRead();
  });

  it('says so when the resource refuses the key', async () => {
    applyConnectionSettings({ key: 'wrong-key' });
    renderWithProviders(<ConnectionPanel errors={{}} />);
    expect(await screen.findByText(/Could not read the projects/)).toHaveTextContent(
      /^Could not read the projects on this resource: .*key/,
    );
  });
});
