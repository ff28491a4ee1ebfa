import { useId } from 'react';
import classes from './segmented-choice.module.css';

export interface SegmentedChoiceProps<V extends string> {
  /** The id of the visible label that names the group. */
  labelledBy: string;
  value: V;
  onChange: (value: V) => void;
  data: readonly { value: V; label: string }[];
  /** Stretch over the row, each choice taking an equal share. */
  fullWidth?: boolean;
}

/**
 * A choice of a few options shown side by side, as Mantine's SegmentedControl draws it: native
 * radio buttons (arrow keys move between them, Tab reaches the chosen one) whose chosen label is
 * marked by CSS alone.
 *
 * Why not SegmentedControl: its sliding indicator is positioned from measurements. Each one sets
 * state from callback refs as it mounts, which re-renders it synchronously, then reads the layout
 * in an effect. On the first screen, two of them made the hydrating commit one task of ~55 ms (a
 * forced style and layout of the whole page inside it): the longest task of a first visit.
 */
export function SegmentedChoice<V extends string>({
  labelledBy,
  value,
  onChange,
  data,
  fullWidth = false,
}: SegmentedChoiceProps<V>) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelledBy}
      className={classes.root}
      data-full-width={fullWidth || undefined}
    >
      {data.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className={classes.control}>
            <input
              className={classes.input}
              type="radio"
              id={id}
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <label className={classes.label} htmlFor={id}>
              {option.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}
