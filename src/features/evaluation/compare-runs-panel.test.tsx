// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { compareRuns } from './compare-runs';
import { CompareRuns } from './compare-runs-panel';
import { item } from './test-items';

afterEach(cleanup);

const here = [
  item('d1', ['A'], [['A', 0.9]]),
  item('d2', ['A'], [['B', 0.6]]),
  item('d3', ['B'], [['B', 0.7]]),
];
const there = [
  item('d1', ['A'], [['A', 0.8]]),
  item('d2', ['A'], [['A', 0.7]]),
  item('d3', ['B'], [['B', 0.9]]),
];
const options = [
  { value: 'staging', label: 'SupportTickets/staging' },
  { value: 'nightly', label: 'Nightly tickets' },
];

describe('Compare runs', () => {
  it('offers the other runs under “Compare with”', async () => {
    const onChange = vi.fn();
    renderWithProviders(
      <CompareRuns
        options={options}
        value={null}
        onChange={onChange}
        comparison={undefined}
        selectedCell={undefined}
        onSelectCell={vi.fn()}
      />,
    );
    await userEvent.click(screen.getByRole('combobox', { name: 'Compare with' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Nightly tickets', hidden: true }),
    );
    expect(onChange).toHaveBeenCalledWith('nightly', expect.anything());
    expect(screen.queryByRole('table', { name: 'Changes between runs' })).toBeNull();
  });

  it('shows the agreement, the changes and both runs’ metrics', async () => {
    const onSelectCell = vi.fn();
    renderWithProviders(
      <CompareRuns
        options={options}
        value="staging"
        onChange={vi.fn()}
        comparison={compareRuns(here, there, 'single', 0)}
        selectedCell={undefined}
        onSelectCell={onSelectCell}
      />,
    );
    const region = screen.getByRole('region', { name: 'Compare runs' });
    expect(region.textContent).toContain(
      'Agreement: 66.7% (95% CI 20.8–93.9%) (2 of 3 documents in both runs',
    );
    const changes = within(region).getByRole('table', { name: 'Changes between runs' });
    await userEvent.click(
      within(changes).getByRole('button', {
        name: '1 document B in this run, A in SupportTickets/staging',
      }),
    );
    expect(onSelectCell).toHaveBeenCalledWith({ thisRun: 'B', otherRun: 'A' });
    const metrics = within(region).getByRole('table', { name: 'Metrics of both runs' });
    expect(within(metrics).getAllByRole('row')[1]?.textContent).toBe('Accuracy66.7%100.0%');
  });
});
