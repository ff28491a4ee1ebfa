// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import type { ConfusionCell } from './confusion-matrix';
import { evaluate } from './evaluate';
import { EvaluationPanel } from './evaluation-panel';
import { multiItems, singleItems } from './test-items';

afterEach(cleanup);

function renderPanel(threshold: number, selectedCell?: ConfusionCell) {
  const onSelectCell = vi.fn();
  renderWithProviders(
    <EvaluationPanel
      evaluation={evaluate(singleItems, 'single', threshold)}
      documents={9}
      threshold={threshold}
      selectedCell={selectedCell}
      onSelectCell={onSelectCell}
    />,
  );
  return onSelectCell;
}

describe('Evaluation panel', () => {
  it('is a region with Accuracy, the per-class table and the confusion matrix', () => {
    renderPanel(0);
    const region = screen.getByRole('region', { name: 'Evaluation' });
    expect(region.textContent).toContain('7 of 9 documents have a label and a result');
    expect(within(region).getByText('Accuracy').nextElementSibling?.textContent).toBe(
      '28.6% (95% CI 8.2–64.1%)',
    );
    expect(within(region).queryByText('Coverage')).toBeNull();
    const perClass = within(region).getByRole('table', { name: 'Per-class metrics' });
    const rows = within(perClass).getAllByRole('row');
    expect(rows[1]?.textContent).toBe('A50.0%9.5–90.5%25.0%4.6–69.9%33.3%4');
    expect(rows.at(-2)?.textContent).toContain('Micro average');
    expect(rows.at(-1)?.textContent).toContain('Macro average');
    within(region).getByRole('table', { name: 'Confusion matrix' });
  });

  it('shows Coverage and the accuracy on what is kept once a threshold is set', () => {
    renderPanel(0.5);
    expect(screen.getByText('Coverage').nextElementSibling?.textContent).toBe(
      '57.1% (95% CI 25.0–84.2%)',
    );
    expect(screen.getByText('Accuracy on kept').nextElementSibling?.textContent).toBe(
      '50.0% (95% CI 15.0–85.0%)',
    );
    const matrix = screen.getByRole('table', { name: 'Confusion matrix' });
    within(matrix).getByRole('columnheader', { name: 'Below threshold' });
  });

  it('a matrix cell is a button naming its documents, and calls back with label and predicted', async () => {
    const onSelectCell = renderPanel(0, { label: 'A', predicted: 'B' });
    const matrix = screen.getByRole('table', { name: 'Confusion matrix' });
    const cell = within(matrix).getByRole('button', { name: '1 document labelled A, predicted B' });
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    const correct = within(matrix).getByRole('button', {
      name: '1 document labelled A, predicted A, correct',
    });
    expect(correct.getAttribute('aria-pressed')).toBe('false');
    expect(correct.textContent).toContain('✓');
    await userEvent.click(
      within(matrix).getByRole('button', { name: /labelled A, predicted No class/ }),
    );
    expect(onSelectCell).toHaveBeenCalledWith({ label: 'A', predicted: null });
    await userEvent.click(correct);
    expect(onSelectCell).toHaveBeenLastCalledWith({ label: 'A', predicted: 'A' });
  });

  it('multi label: Exact match, Hamming loss, Coverage and TP/FP/FN/TN, no matrix', () => {
    renderWithProviders(
      <EvaluationPanel
        evaluation={evaluate(multiItems, 'multi', 0)}
        documents={8}
        threshold={0}
        selectedCell={undefined}
        onSelectCell={vi.fn()}
      />,
    );
    expect(screen.getByText('Exact match').nextElementSibling?.textContent).toBe(
      '16.7% (95% CI 3.0–56.4%)',
    );
    expect(screen.getByText('Hamming loss').nextElementSibling?.textContent).toBe('20.0%');
    expect(screen.getByText('Coverage').nextElementSibling?.textContent).toBe(
      '83.3% (95% CI 43.6–97.0%)',
    );
    const table = screen.getByRole('table', { name: 'Per-class metrics' });
    within(table).getByRole('columnheader', { name: 'TP' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe(
      'A100.0%43.9–100.0%75.0%30.1–95.4%85.7%43012',
    );
    expect(screen.queryByRole('table', { name: 'Confusion matrix' })).toBeNull();
  });

  it('says so when no document can be evaluated', () => {
    renderWithProviders(
      <EvaluationPanel
        evaluation={evaluate([], 'single', 0)}
        documents={3}
        threshold={0}
        selectedCell={undefined}
        onSelectCell={vi.fn()}
      />,
    );
    screen.getByText('No document has both a label and a result yet.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
