// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../service/model';
import { RawResponse } from './raw-response';
import { ResultsNotices } from './results-notices';
import { resultNotices } from './result-problems';

afterEach(cleanup);

describe('RawResponse', () => {
  it('opens a body nested 500,000 arrays deep with a notice instead of a blank page', async () => {
    let deep: unknown = [];
    for (let level = 0; level < 500_000; level += 1) deep = [deep];
    render(
      <MantineProvider>
        <RawResponse raw={{ jobId: 'j', status: 'succeeded', extra: deep }} />
      </MantineProvider>,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Raw JSON of the last job response' }),
    );
    expect(screen.getByRole('status').textContent).toMatch(/nests deeper than 64 levels/);
    expect(screen.getByText(/"jobId": "j"/)).toBeVisible();
  });
});

describe('ResultsNotices', () => {
  it('says when results were cut, and names invalid confidences and repeated ids', () => {
    const documents: DocumentResult[] = [
      {
        id: 'doc1',
        classes: [],
        warnings: [],
        problems: [{ kind: 'invalid-confidence', category: 'Huge', received: '42' }],
      },
      { id: 'doc1', classes: [], warnings: [] },
    ];
    render(
      <MantineProvider>
        <ResultsNotices
          notices={resultNotices(documents)}
          cut={{ pages: 500, truncatedBy: 'page-limit' }}
        />
      </MantineProvider>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/incomplete.*stopped after 500 pages/);
    const [invalid, duplicates] = screen.getAllByRole('status');
    expect(invalid?.textContent).toMatch(/1 result has a confidence outside 0 to 100%/);
    expect(duplicates?.textContent).toMatch(/1 id comes back for more than one result: “doc1”/);
  });

  it('says nothing about sound results', () => {
    render(
      <MantineProvider>
        <ResultsNotices notices={{ invalidConfidence: 0, duplicateIds: [] }} cut={undefined} />
      </MantineProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
