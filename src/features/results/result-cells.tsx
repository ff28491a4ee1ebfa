import { UnstyledButton } from '@mantine/core';
import { formatConfidence } from '../../lib/format';
import type { DocumentResult } from '../../service/model';
import { invalidConfidences } from './result-problems';
import classes from './results-table.module.css';

/** Shown instead of a percentage: the service sent a confidence outside [0, 1]. */
const INVALID = 'invalid';

export function ClassList({
  result,
  label,
}: {
  result: DocumentResult;
  label: string | undefined;
}) {
  const invalid = invalidConfidences(result);
  return (
    <div className={classes.text}>
      {result.error ? (
        <div className={classes.dimmed}>—</div>
      ) : result.classes.length === 0 && invalid.length === 0 ? (
        <div>No class</div>
      ) : (
        <>
          {result.classes.map((score, index) => (
            <div key={`${score.category} ${index}`}>
              {score.category} <strong>{formatConfidence(score.confidence)}</strong>
            </div>
          ))}
          {invalid.map((problem, index) => (
            <div key={`${problem.category} ${index}`} className={classes.warning}>
              {problem.category} <strong>{INVALID}</strong>
            </div>
          ))}
        </>
      )}
      {label === undefined ? null : <div className={classes.label}>Label: {label}</div>}
    </div>
  );
}

export function Notes({ result }: { result: DocumentResult }) {
  const { error, warnings, problems = [] } = result;
  if (!error && warnings.length === 0 && problems.length === 0) return null;
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
      {problems.map((problem, index) => (
        <div className={classes.warning} key={`${problem.kind} ${index}`}>
          {problem.kind === 'duplicate-id'
            ? 'This id is given to more than one result.'
            : `The service sent ${problem.received} as the confidence for ${problem.category}, which is not between 0 and 1; it is left out of the scores.`}
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
