// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { evaluate } from './evaluate';
import { useClassesShown } from './evaluation-view-store';
import { EvaluationPanel } from './evaluation-panel';
import { item } from './test-items';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** 14 classes: class kN is labelled on N + 1 documents, so k13 is the most frequent. */
const items = Array.from({ length: 14 }, (_, klass) =>
  Array.from({ length: klass + 1 }, (_, index) =>
    item(`k${klass}-${index}`, [`k${klass}`], [[`k${klass}`, 0.9]]),
  ),
).flat();

/** The panel as the app wires it: the evaluation folded to the classes the control asks for. */
function Harness() {
  const shown = useClassesShown();
  return (
    <EvaluationPanel
      evaluation={evaluate(items, 'single', 0, shown)}
      documents={items.length}
      threshold={0}
      selectedCell={undefined}
      onSelectCell={() => undefined}
    />
  );
}

describe('Classes shown', () => {
  it('lists the most frequent classes plus Other, as many as the user asks', async () => {
    renderWithProviders(<Harness />);
    const perClass = screen.getByRole('table', { name: 'Per-class metrics' });
    const rowNames = () =>
      within(perClass)
        .getAllByRole('rowheader')
        .map((header) => header.textContent);
    // Up to 50 by default: all 14, then the two averages.
    expect(rowNames()).toHaveLength(16);
    const control = screen.getByRole('textbox', { name: 'Classes shown' });
    await userEvent.clear(control);
    await userEvent.type(control, '3');
    expect(rowNames()).toEqual([
      'k11',
      'k12',
      'k13',
      'Other (11 classes)',
      'Micro average',
      'Macro average',
    ]);
    const matrix = screen.getByRole('table', { name: 'Confusion matrix' });
    expect(within(matrix).getAllByText('Other (11 classes)')).toHaveLength(2);
    within(matrix).getByLabelText('14 documents labelled k13, predicted k13, correct');
    // The other classes against each other: counted, but not marked correct.
    within(matrix).getByLabelText(
      `${(11 * 12) / 2} documents labelled Other (11 classes), predicted Other (11 classes)`,
    );
  });
});
