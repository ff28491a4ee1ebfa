import { Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { CountGrid } from './count-grid';
import type { Bucket, CountMatrix, OTHER } from './count-matrix';
import { documentsCount } from './format-metric';

/** A confusion-matrix cell: documents with this label (or another, folded) and this prediction. */
export interface ConfusionCell {
  label: string | typeof OTHER;
  predicted: Bucket;
}

function cellName(count: number, label: string, predicted: string, diagonal: boolean): string {
  return `${documentsCount(count)} labelled ${label}, predicted ${predicted}${diagonal ? ', correct' : ''}`;
}

export function ConfusionMatrix({
  matrix,
  selected,
  onSelectCell,
}: {
  matrix: CountMatrix;
  selected: ConfusionCell | undefined;
  onSelectCell: (cell: ConfusionCell) => void;
}) {
  const onSelect = useCallback(
    // Rows are labels: never the no-class bucket.
    (row: Bucket, column: Bucket) => onSelectCell({ label: row ?? '', predicted: column }),
    [onSelectCell],
  );
  return (
    <Stack gap="xs">
      <Title order={4}>Confusion matrix</Title>
      <Text size="sm" c="dimmed">
        Rows are the labels, columns the predicted classes; ✓ marks the correct ones. Choose a count
        to show those documents in the results.
        {matrix.otherClasses > 0
          ? ` The ${matrix.otherClasses.toLocaleString('en-US')} least frequent classes are counted together as “Other”.`
          : ''}
      </Text>
      <CountGrid
        name="Confusion matrix"
        matrix={matrix}
        rowAxis="Label"
        columnAxis="Predicted"
        cellName={cellName}
        selected={selected && { row: selected.label, column: selected.predicted }}
        onSelect={onSelect}
      />
    </Stack>
  );
}
