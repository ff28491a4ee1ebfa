import { UnstyledButton } from '@mantine/core';
import { formatConfidence } from '../../lib/format';
import type { DocumentResult } from '../../service/model';
import classes from './results-table.module.css';

export function ClassList({
  result,
  label,
}: {
  result: DocumentResult;
  label: string | undefined;
}) {
  return (
    <div className={classes.text}>
      {result.error ? (
        <div className={classes.dimmed}>—</div>
      ) : result.classes.length === 0 ? (
        <div>No class</div>
      ) : (
        result.classes.map((score) => (
          <div key={score.category}>
            {score.category} <strong>{formatConfidence(score.confidence)}</strong>
          </div>
        ))
      )}
      {label === undefined ? null : <div className={classes.label}>Label: {label}</div>}
    </div>
  );
}

export function Notes({ result }: { result: DocumentResult }) {
  const { error, warnings } = result;
  if (!error && warnings.length === 0) return null;
  return (
    <div className={classes.text}>
      {error ? (
        <div className={classes.error}>
          {error.innerMessage ?? error.message} ({error.innerCode ?? error.code})
        </div>
      ) : null}
      {warnings.map((warning) => (
        <div className={classes.warning} key={warning.code + warning.message}>
          {warning.message} ({warning.code})
        </div>
      ))}
    </div>
  );
}

/**
 * The document id as the row's button: its name stays the id, so the row header reads as before,
 * and it stretches over the whole row so a click anywhere on the row opens the chart.
 */
export function OpenChartButton({
  id,
  selected,
  onSelect,
}: {
  id: string;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  return (
    <UnstyledButton
      className={classes.open}
      aria-pressed={selected}
      title={`Show the chart for ${id}`}
      onClick={() => onSelect(id)}
    >
      {id}
    </UnstyledButton>
  );
}
