// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { coverageCurve } from './coverage-curve';
import { CoverageChart } from './coverage-chart';
import { MismatchesToggle } from './mismatches-toggle';
import { singleItems } from './test-items';
import { ThresholdControl } from './threshold-control';

afterEach(cleanup);

describe('Evaluation controls', () => {
  it('the threshold slider has its name, shows its value and moves in steps of 1%', () => {
    const onChange = vi.fn();
    renderWithProviders(<ThresholdControl value={0.4} onChange={onChange} />);
    const slider = screen.getByRole('slider', { name: 'Confidence threshold' });
    expect(slider.getAttribute('aria-valuenow')).toBe('40');
    expect(slider.getAttribute('aria-valuetext')).toBe('40.0%');
    screen.getByText('Confidence threshold: 40.0%');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(onChange).toHaveBeenCalledWith(0.41);
  });

  it('the slider shows a move at once, before its owner passes the new value back', () => {
    const onChange = vi.fn();
    const { rerender } = renderWithProviders(<ThresholdControl value={0.4} onChange={onChange} />);
    const slider = screen.getByRole('slider', { name: 'Confidence threshold' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'PageUp' });
    // The owner's value is still 40%: the slider shows where it was moved to, and moves on from there.
    expect(slider.getAttribute('aria-valuenow')).toBe('51');
    screen.getByText('Confidence threshold: 51.0%');
    expect(onChange).toHaveBeenLastCalledWith(0.51);
    // A value set elsewhere (Use this threshold) wins over the move.
    rerender(<ThresholdControl value={0.7} onChange={onChange} />);
    expect(slider.getAttribute('aria-valuenow')).toBe('70');
    screen.getByText('Confidence threshold: 70.0%');
  });

  it('Page Up and Page Down move the threshold by 10%, within 0–100%', () => {
    const onChange = vi.fn();
    const { rerender } = renderWithProviders(<ThresholdControl value={0.95} onChange={onChange} />);
    const slider = screen.getByRole('slider', { name: 'Confidence threshold' });
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(onChange).toHaveBeenLastCalledWith(1);
    rerender(<ThresholdControl value={0.4} onChange={onChange} />);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Confidence threshold' }), {
      key: 'PageDown',
    });
    expect(onChange).toHaveBeenLastCalledWith(0.3);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Confidence threshold' }), { key: 'a' });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('Mismatches only toggles', async () => {
    const onChange = vi.fn();
    const { rerender } = renderWithProviders(
      <MismatchesToggle checked={false} onChange={onChange} count={5} />,
    );
    const box = screen.getByRole('checkbox', { name: 'Mismatches only' });
    screen.getByText('5 documents');
    await userEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
    rerender(<MismatchesToggle checked onChange={onChange} count={5} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mismatches only' }));
    expect(onChange).toHaveBeenLastCalledWith(false);
  });

  it('the coverage chart has a name, a text alternative and the current threshold', () => {
    renderWithProviders(
      <CoverageChart
        curve={coverageCurve(singleItems, 'single')}
        labelMode="single"
        threshold={0.5}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Accuracy against coverage' });
    const summary = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
    expect(summary?.textContent).toContain('At 0.0%: coverage 85.7%, accuracy 33.3%');
    expect(summary?.textContent).toContain('At 50.0%: coverage 57.1%, accuracy 50.0%');
    screen.getByText(/At 50\.0%: coverage 57\.1%, accuracy 50\.0%/, { selector: 'p' });
  });

  it('the coverage chart says when there is nothing to chart', () => {
    renderWithProviders(<CoverageChart curve={[]} labelMode="multi" threshold={0} />);
    screen.getByText('No labelled results to chart yet.');
  });
});
