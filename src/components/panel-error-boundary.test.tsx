// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelErrorBoundary } from './panel-error-boundary';

let broken = true;

function Results() {
  if (broken) throw new RangeError('Maximum call stack size exceeded');
  return <p>All 20 results</p>;
}

function Page({ resetKeys }: { resetKeys?: unknown[] }) {
  return (
    <MantineProvider>
      <PanelErrorBoundary panel="Results" {...(resetKeys ? { resetKeys } : {})}>
        <Results />
      </PanelErrorBoundary>
      <p>Job panel</p>
    </MantineProvider>
  );
}

beforeEach(() => {
  broken = true;
  // React reports every caught render error on the console; the test says what matters.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PanelErrorBoundary', () => {
  it('keeps a failing panel from blanking the page, names it and says the run is kept', () => {
    render(<Page />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The Results panel could not be shown');
    expect(alert.textContent).toContain('Your run and its results are kept');
    expect(alert.textContent).not.toContain('Maximum call stack');
    expect(screen.getByText('Job panel')).toBeVisible();
  });

  it('draws the panel again on Try again', async () => {
    render(<Page />);
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('All 20 results')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tries again by itself when a reset key changes', () => {
    const { rerender } = render(<Page resetKeys={['job-1']} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The Results panel could not be shown');
    broken = false;
    rerender(<Page resetKeys={['job-2']} />);
    expect(screen.getByText('All 20 results')).toBeVisible();
  });
});
