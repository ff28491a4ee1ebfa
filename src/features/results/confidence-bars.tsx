import { formatConfidence } from '../../lib/format';
import type { ClassScore } from '../../service/model';
import classes from './confidence-bars.module.css';

/** "Billing 97.1%, Account 2.0%", or "no class": what the bars show, for their accessible name. */
function confidenceSummary(scores: readonly ClassScore[]): string {
  if (scores.length === 0) return 'no class';
  return scores.map((s) => `${s.category} ${formatConfidence(s.confidence)}`).join(', ');
}

/**
 * A horizontal bar per class confidence, drawn with plain elements instead of an SVG chart library:
 * the results table draws one per row, and they must stay cheap. In the table (`sm`) the bars line
 * up with the class names of the Classes column and carry no names of their own; the detail panel
 * (`lg`) names each bar.
 */
export function ConfidenceBars({
  documentId,
  scores,
  size = 'sm',
  label = `Confidence for ${documentId}`,
  muted,
  invalid = 0,
}: {
  documentId: string;
  scores: readonly ClassScore[];
  /** `lg` for the detail panel: named, wider and thicker bars. */
  size?: 'sm' | 'lg';
  label?: string;
  /** By index: a bar under the threshold, drawn paler (the Classes column says it in words). */
  muted?: readonly boolean[];
  /** Confidences the service sent outside [0, 1], shown as "invalid" after the bars. */
  invalid?: number;
}) {
  const named = size === 'lg';
  return (
    <div
      role="img"
      aria-label={`${label}: ${confidenceSummary(scores)}`}
      className={classes.chart}
      data-size={size}
    >
      {scores.length === 0 && invalid === 0 ? (
        <span className={classes.empty}>{named ? 'No class' : '—'}</span>
      ) : null}
      {scores.map((score, index) => (
        <div
          key={`${score.category} ${index}`}
          className={classes.row}
          data-muted={muted?.[index] ? true : undefined}
          aria-hidden
        >
          {named ? (
            <span className={classes.label} title={score.category}>
              {score.category}
            </span>
          ) : null}
          <span className={classes.track}>
            <span
              className={classes.bar}
              style={{ width: `${Math.max(0, Math.min(1, score.confidence)) * 100}%` }}
            />
          </span>
          <span className={classes.value}>{formatConfidence(score.confidence)}</span>
        </div>
      ))}
      {Array.from({ length: invalid }, (_, index) => (
        <div key={`invalid ${index}`} className={`${classes.row} ${classes.invalid}`} aria-hidden>
          invalid
        </div>
      ))}
    </div>
  );
}
