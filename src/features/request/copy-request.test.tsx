// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobInput } from '../../service/model';
import { renderWithProviders } from '../../test/render';
import { CopyRequest } from './copy-request';

const input: JobInput = {
  endpoint: 'https://myres.cognitiveservices.azure.com',
  apiVersion: '2023-04-01',
  labelMode: 'multi',
  projectName: 'MovieGenres',
  deploymentName: 'staging',
  modelId: '',
  language: '',
  jobName: '',
  documents: [{ id: 'doc1', text: 'A space opera.' }],
};

let copied: string[] = [];
beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn((text: string) => (copied.push(text), Promise.resolve())) },
  });
});
afterEach(cleanup);

describe('Copy request', () => {
  it.each([
    ['cURL', 'curl --globoff -sS'],
    ['fetch (JavaScript)', 'await fetch('],
    ['Python (requests)', 'import requests'],
  ])('copies the %s snippet and says so', async (format, marker) => {
    renderWithProviders(<CopyRequest input={input} auth="bearer" />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy request' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: format }));
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain(marker);
    expect(copied[0]).toContain('LANGUAGE_TOKEN');
    expect(copied[0]).toContain('"deploymentName": "staging"');
    expect((await screen.findByRole('status')).textContent).toBe(`Copied the ${format} snippet`);
  });

  it('is disabled, and says why, while there is no valid job', () => {
    renderWithProviders(
      <CopyRequest
        input={undefined}
        auth="key"
        unavailableReason="Fill in the connection first."
      />,
    );
    expect(screen.getByRole('button', { name: 'Copy request' })).toBeDisabled();
    expect(screen.getByText('Fill in the connection first.')).toBeVisible();
  });
});
