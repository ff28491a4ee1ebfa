// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import type { EvaluationItem } from './evaluation-item';
import { SlicesPanel } from './slices-panel';
import { item } from './test-items';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** 20 emails the model gets 19 of right, 20 chats it gets 5 of right. */
const items: EvaluationItem[] = Array.from({ length: 40 }, (_, index) =>
  item(`d${index}`, ['A'], [[(index < 20 ? index < 19 : index < 25) ? 'A' : 'B', 0.9]]),
);
const fields = new Map(
  items.map((document, index) => [
    document.id,
    { source: index < 20 ? 'email' : 'chat', language: 'en' },
  ]),
);

describe('SlicesPanel', () => {
  it('shows a row per value of the chosen field, with its interval, and flags the one below the rest', async () => {
    renderWithProviders(
      <SlicesPanel
        names={['language', 'source']}
        items={items}
        labelMode="single"
        threshold={0}
        fieldsOf={(id) => fields.get(id)}
      />,
    );
    expect(screen.queryByRole('table', { name: 'Slices' })).toBeNull();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Slice by' }), 'source');
    const table = screen.getByRole('table', { name: 'Slices' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'sourceDocumentsAccuracy (95% CI)Macro F1Coverage',
      'chatbelow the rest2025.0% (11.2–46.9%)20.0%100.0%',
      'email2095.0% (76.4–99.1%)48.7%100.0%',
    ]);
    screen.getByText(/Accuracy of all 40 evaluated documents: 60.0%/);
  });
});
