import { NumberInput } from '@mantine/core';
import { formatCount } from '../../lib/format';
import {
  MAX_CLASSES_SHOWN,
  useClassesShown,
  useEvaluationViewActions,
} from './evaluation-view-store';

/** How many of the most frequent classes the per-class table and the matrix list. */
export function ClassesShownControl({ classes }: { classes: number }) {
  const value = useClassesShown();
  const { setClassesShown } = useEvaluationViewActions();
  return (
    <NumberInput
      label="Classes shown"
      description={`The most frequent of the ${formatCount(classes)} classes, in the table and the matrix; the others are summed as “Other”.`}
      min={1}
      max={MAX_CLASSES_SHOWN}
      clampBehavior="strict"
      allowDecimal={false}
      value={value}
      onChange={(next) => {
        if (typeof next === 'number') setClassesShown(next);
      }}
      maw={360}
    />
  );
}
