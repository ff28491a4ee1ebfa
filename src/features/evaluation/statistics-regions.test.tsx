// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { evaluate } from './evaluate';
import { EvaluationPanel } from './evaluation-panel';
import { PairedTest } from './paired-test';
import { PrecisionTargetControl } from './precision-target-control';
import { computeStatistics } from './statistics/compute-statistics';
import { encodeItems } from './statistics/encode-items';
import { precisionByThreshold } from './statistics/precision-target';
import { item, singleItems } from './test-items';
import type { RunStatistics } from './use-statistics';

afterEach(cleanup);

function statisticsOf(items = singleItems, threshold = 0): RunStatistics {
  const computed = computeStatistics({ items: encodeItems(items), labelMode: 'single', threshold });
  return {
    ...computed,
    labelErrors: computed.labelErrors.map(({ index, ...error }) => ({
      ...error,
      id: items[index]?.id ?? '',
    })),
  };
}

function renderPanel(statistics: RunStatistics | undefined, onReviewFirst = vi.fn()) {
  renderWithProviders(
    <EvaluationPanel
      evaluation={evaluate(singleItems, 'single', 0)}
      documents={9}
      threshold={0}
      selectedCell={undefined}
      onSelectCell={vi.fn()}
      statistics={statistics}
      onReviewLabelErrorsFirst={onReviewFirst}
    />,
  );
  return onReviewFirst;
}

describe('the evaluation’s statistics', () => {
  it('says the figures are rough below 30 documents, and gives F1 its bootstrap interval', () => {
    renderPanel(statisticsOf());
    screen.getByText(/Only 7 evaluated documents \(fewer than 30\): these figures are rough/);
    const table = screen.getByRole('table', { name: 'Per-class metrics' });
    within(table).getByRole('columnheader', { name: 'F1 (95% CI)' });
    const macro = within(table).getByRole('row', { name: /Macro average/ });
    // value, then its interval "low–high%", for precision, recall and F1
    expect(macro.textContent).toMatch(/^Macro average(\d+\.\d%\d+\.\d–\d+\.\d%){3}7$/);
  });

  it('waits for the worker without showing figures of another threshold', () => {
    renderPanel(statisticsOf(singleItems, 0.5));
    screen.getByRole('region', { name: 'Calibration' });
    const macro = screen.getByRole('row', { name: /Macro average/ });
    expect(macro.textContent).not.toMatch(/–/);
  });

  it('has a Calibration region with a named chart, 10 bins, ECE and MCE', () => {
    renderPanel(statisticsOf());
    const region = screen.getByRole('region', { name: 'Calibration' });
    within(region).getByRole('img', { name: 'Reliability diagram: accuracy against confidence' });
    const table = within(region).getByRole('table', { name: 'Reliability by confidence' });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    within(table).getByRole('rowheader', { name: '[0.9, 1.0]' });
    expect(region.textContent).toMatch(/Expected calibration error \d+\.\d%/);
    expect(region.textContent).toMatch(/maximum calibration error \d+\.\d%/);
  });

  it('lists the likely label errors and puts them first on request', async () => {
    const onReviewFirst = renderPanel(statisticsOf());
    const region = screen.getByRole('region', { name: 'Likely label errors' });
    const table = within(region).getByRole('table', { name: 'Likely label errors' });
    // B's predictions: d2 0.6, d3 0.8, d5 0.3 → mean 0.567; d2 (label A, 0.6) and d3 is right.
    // D: d9 0.7 alone → mean 0.7, label A: listed. A: d1 0.9, d4 0.4, d7 0.99 → d4 is under.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['d9', 'd2']);
    await userEvent.click(within(region).getByRole('button', { name: 'Review these first' }));
    expect(onReviewFirst).toHaveBeenCalledOnce();
  });
});

describe('PrecisionTargetControl', () => {
  it('answers the lowest threshold for the precision typed, and applies it', async () => {
    const onUse = vi.fn();
    const items = [
      item('a', ['A'], [['A', 0.95]]),
      item('b', ['A'], [['B', 0.7]]),
      item('c', ['A'], [['A', 0.6]]),
    ];
    renderWithProviders(
      <PrecisionTargetControl
        points={precisionByThreshold(items, 'single')}
        labelMode="single"
        onUse={onUse}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Target precision (%)' });
    await userEvent.clear(input);
    await userEvent.type(input, '95');
    screen.getByText(
      'Lowest threshold for precision ≥ 95%: 71.0% (precision 100.0%, coverage 33.3%).',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Use 71.0%' }));
    expect(onUse).toHaveBeenCalledWith(0.71);
  });
});

describe('PairedTest', () => {
  it('shows Paired outcomes, McNemar p, the difference and the verdict', () => {
    renderWithProviders(
      <PairedTest
        counts={{ paired: 40, bothRight: 30, onlyThis: 8, onlyOther: 1, bothWrong: 1 }}
        difference={{ low: 0.05, high: 0.3 }}
        names={{ thisRun: 'staging', otherRun: 'production' }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Paired outcomes' });
    expect(
      within(table).getByRole('row', { name: /Only this run \(staging\) right/ }).textContent,
    ).toBe('Only this run (staging) right8');
    // scipy.stats.binomtest(1, 9, 0.5).pvalue = 0.0390625
    screen.getByText(/McNemar p = 0\.039/);
    screen.getByText(/\+17\.5% \(95% CI 5\.0–30\.0%, paired bootstrap\)/);
    screen.getByText('staging is better on these documents (p = 0.04).');
  });
});
