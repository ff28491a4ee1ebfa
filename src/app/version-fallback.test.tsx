// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { VersionUnavailable } from './version-fallback';

afterEach(cleanup);

describe('VersionUnavailable', () => {
  it('says in plain words that the resource lacks the version, and offers the previous one', async () => {
    const chosen: string[] = [];
    renderWithProviders(
      <VersionUnavailable
        version="2025-11-15-preview"
        said="404 Resource not found"
        previous="2025-11-01"
        onUsePrevious={(previous) => chosen.push(previous)}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      'API version 2025-11-15-preview is not available on this resource',
    );
    expect(alert.textContent).toContain('“404 Resource not found”');
    await userEvent.click(screen.getByRole('button', { name: 'Use 2025-11-01 and send again' }));
    expect(chosen).toEqual(['2025-11-01']);
  });

  it('has no button when there is no version before it', () => {
    renderWithProviders(
      <VersionUnavailable
        version="2022-05-01"
        said="404 Resource not found"
        previous={undefined}
        onUsePrevious={() => undefined}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Choose another API version');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
