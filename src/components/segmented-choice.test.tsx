// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SegmentedChoice } from './segmented-choice';

afterEach(cleanup);

type Fruit = 'apple' | 'pear' | 'plum';
const FRUITS = [
  { value: 'apple', label: 'Apple' },
  { value: 'pear', label: 'Pear' },
  { value: 'plum', label: 'Plum' },
] as const;

function Picker({ onChange }: { onChange: (fruit: Fruit) => void }) {
  const [fruit, setFruit] = useState<Fruit>('pear');
  return (
    <>
      <span id="fruit-label">Fruit</span>
      <SegmentedChoice
        labelledBy="fruit-label"
        value={fruit}
        data={FRUITS}
        onChange={(next) => {
          setFruit(next);
          onChange(next);
        }}
      />
    </>
  );
}

describe('a segmented choice', () => {
  it('is a radio group named by its label, with the value chosen', () => {
    render(<Picker onChange={vi.fn()} />);
    const group = screen.getByRole('radiogroup', { name: 'Fruit' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Pear' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Apple' })).not.toBeChecked();
  });

  it('chooses by a click on a label, and by the arrow keys', async () => {
    const onChange = vi.fn();
    render(<Picker onChange={onChange} />);
    await userEvent.click(screen.getByText('Plum'));
    expect(onChange).toHaveBeenLastCalledWith('plum');
    expect(screen.getByRole('radio', { name: 'Plum' })).toBeChecked();
    await userEvent.keyboard('{ArrowLeft}');
    expect(onChange).toHaveBeenLastCalledWith('pear');
    expect(screen.getByRole('radio', { name: 'Pear' })).toHaveFocus();
  });

  it('gives each group its own radio name, so two on a page do not share a choice', () => {
    render(
      <>
        <Picker onChange={vi.fn()} />
        <Picker onChange={vi.fn()} />
      </>,
    );
    const names = new Set(
      screen.getAllByRole('radio', { name: 'Pear' }).map((radio) => radio.getAttribute('name')),
    );
    expect(names.size).toBe(2);
    expect(screen.getAllByRole('radio', { checked: true })).toHaveLength(2);
  });
});
