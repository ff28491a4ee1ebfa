// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentResult } from '../../service/model';
import { renderWithProviders } from '../../test/render';
import { documentChartHeight } from './document-chart-size';
import { ResultDetail } from './result-detail';

// Stands in for the chart library's chart; resolves when a test lets it, and says it was loaded.
const chart = vi.hoisted(() => {
  let release: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (release = resolve));
  return { loaded: vi.fn(), ready, release: () => release() };
});
vi.mock('./document-chart', async () => {
  chart.loaded();
  await chart.ready;
  return {
    default: ({ documentId }: { documentId: string }) => (
      <div role="img" aria-label={`Confidence chart for ${documentId}`} />
    ),
  };
});

afterEach(cleanup);

function detail(classes: [string, number][]) {
  const result: DocumentResult = {
    id: 'doc1',
    classes: classes.map(([category, confidence]) => ({ category, confidence })),
    warnings: [],
  };
  return (
    <ResultDetail
      item={{ result, text: 'My invoice is wrong' }}
      mark={undefined}
      classNames={[]}
      onCorrect={undefined}
      multiLabel={classes.length > 1}
      onClose={() => undefined}
    />
  );
}

describe('ResultDetail', () => {
  it.each([
    ['with a gold label', ['Billing'], 'none (the gold label stands)'],
    ['without one', undefined, 'none'],
  ])('says what stands when nothing is corrected, %s', (_, labels, said) => {
    const result: DocumentResult = {
      id: 'doc1',
      classes: [{ category: 'Billing', confidence: 0.9 }],
      warnings: [],
    };
    renderWithProviders(
      <ResultDetail
        item={{ result, text: 'My invoice is wrong', ...(labels ? { labels } : {}) }}
        mark={undefined}
        classNames={['Billing', 'Account']}
        onCorrect={() => undefined}
        multiLabel={false}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByText(/^Corrected label:/).querySelector('strong')?.textContent).toBe(said);
  });

  it('draws one class as a plain bar, without loading the chart library', () => {
    renderWithProviders(detail([['Billing', 0.971]]));
    const bars = screen.getByRole('img', { name: 'Confidence chart for doc1: Billing 97.1%' });
    expect(bars.textContent).toContain('Billing');
    expect(bars.textContent).toContain('97.1%');
    expect(chart.loaded).not.toHaveBeenCalled();
  });

  it('keeps the chart’s room while it loads, so it scrolls to where the chart will be', async () => {
    const heights: (string | undefined)[] = [];
    const scroll = vi
      .spyOn(Element.prototype, 'scrollIntoView')
      .mockImplementation(() =>
        heights.push(screen.getByLabelText('Loading chart').parentElement?.style.height),
      );
    renderWithProviders(
      detail([
        ['Comedy', 0.8],
        ['Drama', 0.6],
        ['Action', 0.2],
      ]),
    );
    expect(screen.getByLabelText('Loading chart')).toBeVisible();
    // The room is kept by the time the panel scrolls into view.
    expect(scroll).toHaveBeenCalledTimes(1);
    // Mantine writes sizes in rem, as it does the chart's own height.
    expect(heights).toEqual([`calc(${documentChartHeight(3) / 16}rem * var(--mantine-scale))`]);

    await act(async () => {
      chart.release();
      await chart.ready;
    });
    expect(await screen.findByRole('img', { name: 'Confidence chart for doc1' })).toBeVisible();
    expect(screen.queryByLabelText('Loading chart')).not.toBeInTheDocument();
    expect(chart.loaded).toHaveBeenCalledTimes(1);
    expect(scroll).toHaveBeenCalledTimes(1);
  });
});
