import '../../components/data-styles';
import { Slider, Stack, Text } from '@mantine/core';
import { formatPercent } from './format-metric';

/** The confidence threshold, 0 to 100% in steps of 1%; `value` and `onChange` are 0..1. */
export function ThresholdControl({
  value,
  onChange,
}: {
  value: number;
  onChange: (threshold: number) => void;
}) {
  const text = formatPercent(value);
  return (
    <Stack gap={4} maw={360}>
      <Text size="sm" fw={500} aria-hidden>
        Confidence threshold: {text}
      </Text>
      <Slider
        min={0}
        max={100}
        step={1}
        value={Math.round(value * 100)}
        onChange={(percent) => onChange(percent / 100)}
        thumbLabel="Confidence threshold"
        thumbValueText={(percent) => formatPercent(percent / 100)}
        // No tooltip: the value is in the line above, which a tooltip covered.
        label={null}
        marks={[{ value: 0 }, { value: 50 }, { value: 100 }]}
      />
      <Text size="xs" c="dimmed">
        A class whose confidence is below it counts as “Below threshold”.
      </Text>
    </Stack>
  );
}
