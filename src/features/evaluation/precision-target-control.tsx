import { Button, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatPercent } from './format-metric';
import { lowestThresholdFor, type PrecisionAtThreshold } from './statistics/precision-target';

/**
 * "Lowest threshold for precision ≥ X%": the user types X, the page answers with the lowest
 * slider threshold that reaches it and the coverage it keeps, and can apply it.
 */
export function PrecisionTargetControl({
  points,
  labelMode,
  onUse,
}: {
  points: readonly PrecisionAtThreshold[] | undefined;
  labelMode: 'single' | 'multi';
  onUse: (threshold: number) => void;
}) {
  const [target, setTarget] = useState<number | string>(90);
  const percent = typeof target === 'number' ? target : Number.parseFloat(target);
  const valid = Number.isFinite(percent) && percent >= 0 && percent <= 100;
  const found = valid && points ? lowestThresholdFor(points, percent / 100) : undefined;
  const measure = labelMode === 'single' ? 'accuracy on kept' : 'micro precision';
  return (
    <Stack gap={4} maw={300}>
      <NumberInput
        label="Target precision (%)"
        description={`Precision here is ${measure}.`}
        value={target}
        onChange={setTarget}
        min={0}
        max={100}
        step={1}
        decimalScale={1}
        size="sm"
        maw={180}
      />
      <Text size="sm" aria-live="polite">
        {!valid
          ? 'Type a target between 0 and 100.'
          : !points
            ? 'Working it out…'
            : found
              ? `Lowest threshold for precision ≥ ${percent}%: ${formatPercent(found.threshold)} (precision ${formatPercent(found.precision)}, coverage ${formatPercent(found.coverage)}).`
              : `No threshold reaches precision ≥ ${percent}%.`}
      </Text>
      {found ? (
        <Button size="xs" variant="light" w="fit-content" onClick={() => onUse(found.threshold)}>
          Use {formatPercent(found.threshold)}
        </Button>
      ) : null}
    </Stack>
  );
}
