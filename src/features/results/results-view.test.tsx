// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentResult } from '../../service/model';
import { renderWithProviders } from '../../test/render';
import type { ResultItem, ResultsRunSettings } from './result-item';
import { ResultsView, type ResultsViewProps } from './results-view';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const settings: ResultsRunSettings = {
  runName: 'Tickets',
  endpoint: 'https://contoso.cognitiveservices.azure.com',
  jobIds: ['job-1'],
  projectName: 'SupportTickets',
  deploymentName: 'production',
  apiVersion: '2023-04-01',
  labelMode: 'single',
  ranAt: Date.UTC(2026, 11, 1, 9),
  threshold: 0,
};

function result(id: string, classes: [string, number][]): DocumentResult {
  return {
    id,
    classes: classes.map(([category, confidence]) => ({ category, confidence })),
    warnings: [],
  };
}

const items: ResultItem[] = [
  {
    result: result('doc1', [
      ['Billing', 0.9],
      ['Account', 0.05],
    ]),
    text: 'My invoice is wrong',
    labels: ['Billing'],
  },
  {
    result: result('doc2', [
      ['Account', 0.55],
      ['Billing', 0.45],
    ]),
    text: 'لا أستطيع تسجيل الدخول إلى حسابي',
    labels: ['Billing'],
  },
  {
    result: result('doc3', [['Shipping', 0.3]]),
    text: 'Where is my parcel?',
    labels: ['Shipping'],
  },
];

function renderView(overrides: Partial<ResultsViewProps> = {}) {
  const onCorrect = vi.fn();
  const view = renderWithProviders(
    <ResultsView
      items={items}
      raw={undefined}
      finished
      settings={settings}
      classNames={['Account', 'Billing', 'Shipping']}
      onCorrect={onCorrect}
      {...overrides}
    />,
  );
  return { ...view, onCorrect };
}

const table = () => screen.getByRole('table', { name: 'Results' });
const rowHeaders = () =>
  within(table())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
const rowOf = (id: string) => {
  const row = within(table()).getByRole('rowheader', { name: id }).closest('tr');
  if (!row) throw new Error(`no row for ${id}`);
  return row;
};

describe('ResultsView', () => {
  it('gives each column one job: names under Classes, bars and percentages under Confidence', () => {
    renderView();
    const headers = within(table())
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent.replace(/[▲▼↕]/g, ''));
    const cell = (id: string, column: string) => {
      const cells = [...rowOf(id).children];
      const found = cells[headers.indexOf(column)];
      if (!found) throw new Error(`no ${column} cell for ${id}`);
      return found;
    };
    expect(cell('doc1', 'Classes').textContent).toBe('BillingAccountLabel: Billing');
    expect(cell('doc1', 'Classes').textContent).not.toMatch(/%/);
    const bars = within(rowOf('doc1')).getByRole('img', { name: /^Confidence for doc1/ });
    expect(cell('doc1', 'Confidence').contains(bars)).toBe(true);
    expect(bars.getAttribute('aria-label')).toBe(
      'Confidence for doc1: Billing 90.0%, Account 5.0%',
    );
    expect(bars.textContent).toBe('90.0%5.0%');
  });

  it('shows each document’s text as text, with dir="auto", and searches it', async () => {
    renderView({
      items: [...items, { result: result('doc4', []), text: '<b>not bold</b>' }],
    });
    expect(within(table()).getByRole('columnheader', { name: 'Text' })).toBeVisible();
    const arabic = within(rowOf('doc2')).getByText('لا أستطيع تسجيل الدخول إلى حسابي');
    expect(arabic.getAttribute('dir')).toBe('auto');
    expect(within(rowOf('doc4')).getByText('<b>not bold</b>').querySelector('b')).toBeNull();

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search results' }), 'PARCEL');
    expect(rowHeaders()).toEqual(['doc3']);
    expect(screen.getByText('Showing 1 of 4 documents')).toBeVisible();
  });

  it('marks a mismatch and a class below the threshold in the row, in words', () => {
    renderView({
      marks: new Map([
        ['doc2', { mismatch: true }],
        ['doc3', { belowThreshold: true }],
      ]),
      settings: { ...settings, threshold: 0.5 },
    });
    expect(rowOf('doc2').textContent).toContain('≠ label');
    expect(rowOf('doc2').textContent).toContain('Label: Billing');
    expect(rowOf('doc1').textContent).not.toContain('≠ label');
    expect(rowOf('doc3').textContent).toContain('Below threshold');
    expect(
      screen.getByRole('img', { name: /^Documents per top class/ }).getAttribute('aria-label'),
    ).toContain('Below threshold: 1');
  });

  it('shows only the focused documents, says which, and clears', async () => {
    const onClearFocus = vi.fn();
    const { rerender } = renderView({
      focus: {
        description: '1 document labelled Billing, predicted Account',
        ids: new Set(['doc2']),
      },
      onClearFocus,
    });
    expect(rowHeaders()).toEqual(['doc2']);
    expect(
      screen.getByText(/Showing: 1 document labelled Billing, predicted Account/),
    ).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onClearFocus).toHaveBeenCalledOnce();
    rerender(
      <ResultsView items={items} raw={undefined} finished settings={settings} classNames={[]} />,
    );
    expect(rowHeaders()).toEqual(['doc1', 'doc2', 'doc3']);
    expect(screen.queryByText(/Showing:/)).toBeNull();
  });

  it('shows the other run’s classes beside this run’s', () => {
    renderView({ compare: { name: 'staging', classOf: new Map([['doc1', ['Account']]]) } });
    expect(within(table()).getByRole('columnheader', { name: 'In staging' })).toBeVisible();
    expect(rowOf('doc1').textContent).toContain('Account');
    expect(rowOf('doc3').textContent).toContain('Not in that run');
  });

  it('orders the review queue by least confidence and by smallest margin', async () => {
    renderView();
    const order = screen.getByRole('combobox', { name: 'Order' });
    await userEvent.selectOptions(order, 'Least confident first');
    expect(rowHeaders()).toEqual(['doc3', 'doc2', 'doc1']);
    await userEvent.selectOptions(order, 'Smallest margin first');
    expect(rowHeaders()).toEqual(['doc2', 'doc3', 'doc1']);
  });

  it('offers no margin order for multi label', () => {
    renderView({ settings: { ...settings, labelMode: 'multi' } });
    const order = screen.getByRole('combobox', { name: 'Order' });
    expect(within(order).queryByRole('option', { name: 'Smallest margin first' })).toBeNull();
  });

  it('moves on from the row the focus is on, reached with Tab', async () => {
    const user = userEvent.setup();
    renderView();
    screen.getByRole('button', { name: 'doc2' }).focus();
    await user.keyboard('j');
    expect(document.activeElement?.textContent).toBe('doc3');
    await user.keyboard('k');
    expect(document.activeElement?.textContent).toBe('doc2');
  });

  it('reviews with the keyboard: j / k, Enter, a number to correct, Escape', async () => {
    const user = userEvent.setup();
    const { onCorrect, rerender } = renderView();
    await user.keyboard('j');
    expect(document.activeElement?.textContent).toBe('doc1');
    await user.keyboard('jjk');
    expect(document.activeElement?.textContent).toBe('doc2');
    expect(rowOf('doc2').getAttribute('aria-current')).toBe('true');
    // Enter on the row's button opens it; a number key sets the correction.
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'doc2' })).toBeVisible();
    expect(
      screen.getByText('لا أستطيع تسجيل الدخول إلى حسابي', { selector: 'section p' }),
    ).toHaveAttribute('dir', 'auto');
    await user.keyboard('3');
    expect(onCorrect).toHaveBeenLastCalledWith('doc2', ['Shipping']);

    const corrected = items.map((item) =>
      item.result.id === 'doc2' ? { ...item, correction: ['Shipping'] } : item,
    );
    rerender(
      <ResultsView
        items={corrected}
        raw={undefined}
        finished
        settings={settings}
        classNames={['Account', 'Billing', 'Shipping']}
        onCorrect={onCorrect}
      />,
    );
    expect(rowOf('doc2').textContent).toContain('Corrected: Shipping');
    // The same number again clears it.
    await user.keyboard('3');
    expect(onCorrect).toHaveBeenLastCalledWith('doc2', []);
    // The open detail follows j.
    await user.keyboard('j');
    expect(screen.getByRole('heading', { name: 'doc3' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { name: 'doc3' })).toBeNull();
  });

  it('leaves the keys alone while typing in the search box', async () => {
    const user = userEvent.setup();
    const { onCorrect } = renderView();
    await user.click(screen.getByRole('searchbox', { name: 'Search results' }));
    await user.keyboard('j1?');
    expect(onCorrect).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search results' }).value).toBe(
      'j1?',
    );
  });

  it('lists the shortcuts on ? and from a visible button', async () => {
    const user = userEvent.setup();
    renderView();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Next row');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveTextContent(
      'Next row',
    );
  });

  it('corrects from the detail’s class buttons too', async () => {
    const user = userEvent.setup();
    const { onCorrect } = renderView();
    await user.click(within(rowOf('doc1')).getByRole('button', { name: 'doc1' }));
    await user.click(screen.getByRole('button', { name: '1 Account' }));
    expect(onCorrect).toHaveBeenCalledWith('doc1', ['Account']);
  });

  it('is virtual from the first result of a run too big for the plain table, never swapped', () => {
    const { unmount } = renderView({ finished: false });
    expect(table().tagName).toBe('TABLE');
    unmount();
    renderView({ finished: false, runDocuments: 10_000 });
    // The first results of a 10,000-document run: the rows the virtual table puts in, by ARIA.
    expect(table().tagName).toBe('DIV');
    expect(table().getAttribute('aria-rowcount')).toBe(String(items.length + 1));
    expect(rowHeaders()).toHaveLength(items.length);
  });

  it('moves with j in the virtual table too, bringing the row in and focusing its button', async () => {
    const user = userEvent.setup();
    const many: ResultItem[] = Array.from({ length: 250 }, (_, index) => ({
      result: result(`doc${index + 1}`, [['Billing', 0.5]]),
      text: `Text ${index + 1}`,
    }));
    // happy-dom lays nothing out and never scrolls: give the scrolling box the sizes it has in a
    // browser, and say it scrolled when it is scrolled, as a browser does.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(250 * 40);
    const scrollTo: unknown = Reflect.get(HTMLElement.prototype, 'scrollTo');
    vi.spyOn(HTMLElement.prototype, 'scrollTo').mockImplementation(function (
      this: HTMLElement,
      ...args: unknown[]
    ) {
      if (typeof scrollTo === 'function') Reflect.apply(scrollTo, this, args);
      this.dispatchEvent(new Event('scroll'));
    });
    renderView({ items: many });
    expect(table().getAttribute('aria-rowcount')).toBe('251');
    await user.keyboard('jj');
    expect(document.activeElement?.textContent).toBe('doc2');
    expect(document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe(
      '3',
    );
    // Row 60 is far below the rows first put in the page: it is brought in, and focused.
    expect(screen.queryByRole('button', { name: 'doc60' })).toBeNull();
    await user.keyboard('j'.repeat(58));
    expect(document.activeElement?.textContent).toBe('doc60');
    expect(document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe(
      '61',
    );
  });
});

describe('ResultsView with no rows', () => {
  it('says the job returned none only when none are coming', () => {
    const { rerender } = renderView({ items: [], arriving: true });
    expect(screen.getByText('Reading the results…')).toBeVisible();
    expect(screen.queryByText('The job returned no documents.')).toBeNull();
    rerender(
      <ResultsView items={[]} raw={undefined} finished settings={settings} classNames={[]} />,
    );
    expect(screen.getByText('The job returned no documents.')).toBeVisible();
  });

  it('does not say so when the run stopped with jobs that never answered', () => {
    renderView({ items: [], finished: true, complete: false });
    expect(screen.queryByText('The job returned no documents.')).toBeNull();
    expect(
      screen.getByText(
        'No documents have come back: the run above says which jobs did not finish.',
      ),
    ).toBeVisible();
  });
});
