import { Checkbox } from '@mantine/core';
import { documentsCount } from './format-metric';

/** Filters the Results table to the documents whose prediction differs from their label. */
export function MismatchesToggle({
  checked,
  onChange,
  count,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** How many documents are mismatched, shown under the label. */
  count?: number;
}) {
  return (
    <Checkbox
      label="Mismatches only"
      description={count === undefined ? undefined : documentsCount(count)}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
