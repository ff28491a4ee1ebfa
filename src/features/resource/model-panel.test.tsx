// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENDPOINT, DEMO_KEY } from '../../demo/demo-settings';
import { createServiceHandlers } from '../../demo/handlers';
import { renderWithProviders } from '../../test/render';
import { ModelPanel } from './model-panel';

const NOW = Date.parse('2026-03-14T09:26:53Z');
const handlers = createServiceHandlers({ origin: DEMO_ENDPOINT, now: () => NOW });
const server = setupServer(...handlers);
const credentials = { endpoint: DEMO_ENDPOINT, key: DEMO_KEY };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  handlers.state.reset();
});
afterAll(() => server.close());

const region = () => screen.getByRole('region', { name: 'Model' });

describe('Model panel', () => {
  it('shows the deployment’s model, its expiry warning and its evaluation from training', async () => {
    renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="production"
        now={NOW}
      />,
    );
    const facts = await within(region()).findByRole('table', { name: 'Model facts' });
    expect(facts.textContent).toContain('v2');
    expect(facts.textContent).toContain('2022-05-01');
    const alerts = within(region()).getAllByRole('note');
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      expect.stringMatching(/Model expiring soon.*The model expires on .* \(in 12 days\)/),
      expect.stringMatching(/Deployment expiring soon.*in 12 days/),
      expect.stringMatching(/Custom text classification retires on 2029-03-31/),
    ]);
    const perClass = await within(region()).findByRole('table', {
      name: 'Evaluation from training, per class',
    });
    const rows = within(perClass).getAllByRole('row');
    expect(rows[0]?.textContent).toBe('ClassPrecisionRecallF1');
    expect(rows[1]?.textContent).toMatch(/^Billing\d+\.\d%\d+\.\d%\d+\.\d%$/);
    const matrix = within(region()).getByRole('table', { name: 'Confusion matrix from training' });
    // Actual Billing predicted Billing: 17 of the held-out documents (the demo's model v2).
    expect(within(matrix).getAllByRole('cell')[0]).toHaveTextContent(/^17$/);
  });

  it('shows live figures beside the training ones, with the difference', async () => {
    renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="staging"
        now={NOW}
        live={new Map([['Billing', { precision: 0.5, recall: 0.5, f1: 0.5 }]])}
      />,
    );
    const perClass = await within(region()).findByRole('table', {
      name: 'Evaluation from training, per class',
    });
    expect(
      within(perClass)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toContain('Live f1 (vs training)');
    const billing = within(perClass).getByRole('row', { name: /^Billing/ });
    expect(billing.textContent).toMatch(/50\.0% \(−\d+\.\d pt\)/);
    expect(within(region()).queryByRole('alert')).toBeNull();
  });

  it('has no confusion matrix for multi label', async () => {
    renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="MovieGenres"
        deploymentName="production"
        now={NOW}
      />,
    );
    await within(region()).findByRole('table', { name: 'Evaluation from training, per class' });
    expect(
      within(region()).queryByRole('table', { name: 'Confusion matrix from training' }),
    ).toBeNull();
  });

  it('says when the deployment is not on the project', async () => {
    renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="nightly"
        now={NOW}
      />,
    );
    expect(
      await within(region()).findByText(
        'SupportTickets has no deployment nightly on this resource.',
      ),
    ).toBeVisible();
  });

  it('links the retirement of custom text classification to Microsoft’s notice', () => {
    renderWithProviders(
      <ModelPanel credentials={undefined} projectName="" deploymentName="" now={NOW} />,
    );
    const link = within(region()).getByRole('link', {
      name: 'Custom text classification retires on 2029-03-31',
    });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(region().textContent).toContain('Language Studio retires on 2027-03-20');
  });

  it('gives the training config version’s own expiry, from the service’s list', async () => {
    renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="production"
        now={NOW}
      />,
    );
    expect(
      (await within(region()).findByText(/Training config version 2022-05-01 expires on/))
        .textContent,
    ).toMatch(/models trained with it stop being served then/);
  });

  it('shows the project’s confidence threshold and makes it the run’s in one click', async () => {
    const used: number[] = [];
    renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="production"
        now={NOW}
        apiVersion="2025-11-15-preview"
        runThreshold={0}
        onUseThreshold={(threshold) => used.push(threshold)}
      />,
    );
    expect(
      await within(region()).findByText(/project's confidence threshold is 50\.0%/),
    ).toBeVisible();
    within(region()).getByRole('button', { name: "Use it as the run's threshold" }).click();
    expect(used).toEqual([0.5]);
  });

  it('says the threshold is already applied, or how to apply it, or which versions read it', async () => {
    const { unmount } = renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="production"
        now={NOW}
        apiVersion="2024-11-15-preview"
        runThreshold={0.5}
        onUseThreshold={() => undefined}
      />,
    );
    expect(await within(region()).findByText('The open run is judged by it.')).toBeVisible();
    unmount();
    const second = renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="production"
        now={NOW}
        apiVersion="2025-05-15-preview"
      />,
    );
    expect(await within(region()).findByText(/Open a run of this deployment/)).toBeVisible();
    second.unmount();
    renderWithProviders(
      <ModelPanel
        credentials={credentials}
        projectName="SupportTickets"
        deploymentName="production"
        now={NOW}
        apiVersion="2024-11-01"
      />,
    );
    expect(
      await within(region()).findByText(/read with a preview API version.*2023-04-01/),
    ).toBeVisible();
    expect(within(region()).queryByRole('button', { name: /run's threshold/ })).toBeNull();
  });
});
