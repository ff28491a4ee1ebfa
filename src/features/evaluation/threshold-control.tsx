import '../../components/data-styles';
import { Slider, Stack, Text } from '@mantine/core';
import { startTransition, useState, type KeyboardEvent } from 'react';
import { formatPercent } from './format-metric';

/** Page Up / Page Down move by this many percent, as the WAI-ARIA slider pattern suggests. */
const PAGE_STEP = 10;

/** The threshold after Page Up or Page Down, in percent; undefined for any other key. */
export function pagedThreshold(percent: number, key: string): number | undefined {
  if (key === 'PageUp') return Math.min(100, percent + PAGE_STEP);
  if (key === 'PageDown') return Math.max(0, percent - PAGE_STEP);
  return undefined;
}

/**
 * The confidence threshold, 0 to 100% in steps of 1%; `value` and `onChange` are 0..1.
 *
 * The slider shows a move at once; `onChange` is called in a transition, so the figures that
 * follow (the evaluation, the results' marks, the model's figures) render in work React can split
 * and interrupt. Called urgently, one arrow key re-rendered the whole open run in one task: up to
 * 200 ms with 10,000 results of 10,000 classes.
 */
export function ThresholdControl({
  value,
  onChange,
}: {
  value: number;
  onChange: (threshold: number) => void;
}) {
  // The value moved to, while `value` is still the one it was moved from (the transition pending).
  const [moved, setMoved] = useState<{ to: number; from: number }>();
  const shown = moved?.from === value ? moved.to : value;
  const move = (threshold: number) => {
    setMoved({ to: threshold, from: value });
    startTransition(() => onChange(threshold));
  };
  const text = formatPercent(shown);
  const percent = Math.round(shown * 100);
  // Mantine's slider knows arrows, Home and End; 70 arrow presses to reach 70% are too many.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const paged = pagedThreshold(percent, event.key);
    if (paged === undefined) return;
    event.preventDefault();
    move(paged / 100);
  };
  return (
    <Stack gap={4} maw={360}>
      <Text size="sm" fw={500} aria-hidden>
        Confidence threshold: {text}
      </Text>
      <Slider
        min={0}
        max={100}
        step={1}
        value={percent}
        onChange={(next) => move(next / 100)}
        thumbProps={{ onKeyDown }}
        thumbLabel="Confidence threshold"
        thumbValueText={(percent) => formatPercent(percent / 100)}
        // No tooltip: the value is in the line above, which a tooltip covered.
        label={null}
        marks={[{ value: 0 }, { value: 50 }, { value: 100 }]}
      />
      <Text size="xs" c="dimmed">
        A class whose confidence is below it counts as “Below threshold”. Arrow keys move it by 1%,
        Page Up and Page Down by 10%.
      </Text>
    </Stack>
  );
}
