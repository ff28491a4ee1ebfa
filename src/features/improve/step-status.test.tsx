// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { StepStatus } from './step-status';

afterEach(cleanup);

describe('StepStatus', () => {
  it('shows a throttled wait (429) as a countdown, not as a failure', () => {
    renderWithProviders(
      <StepStatus
        step={{ phase: 'running', throttledUntil: Date.now() + 7_000 }}
        label="Training"
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(
      /slow down \(HTTP 429\): going on in [67] s, by itself/,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces a failure with the service’s code, its hint and the CORS rule to add', () => {
    renderWithProviders(
      <StepStatus
        step={{
          phase: 'failed',
          failure: {
            title: 'The documents could not all be uploaded. The project was not changed.',
            quote: '403 AuthorizationFailure',
            hint: 'Add this CORS rule',
            corsRule: {
              allowedOrigins: 'https://console.example',
              allowedMethods: 'GET, HEAD, PUT, OPTIONS',
              allowedHeaders: '*',
              exposedHeaders: '*',
              maxAgeInSeconds: 500,
            },
          },
        }}
        label="Upload"
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The project was not changed.');
    expect(alert.textContent).toContain('The service said: 403 AuthorizationFailure');
    expect(screen.getByLabelText('CORS rule to add').textContent).toBe(
      'Allowed origins: https://console.example\nAllowed methods: GET, HEAD, PUT, OPTIONS\nAllowed headers: *\nExposed headers: *\nMax age: 500',
    );
  });

  it('flags a request that may have left before a reload', () => {
    renderWithProviders(<StepStatus step={{ phase: 'unsure' }} label="Deployment" />);
    expect(screen.getByRole('alert').textContent).toMatch(/may have been sent/);
  });
});
