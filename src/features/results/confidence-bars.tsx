import { formatConfidence } from '../../lib/format';
import type { ClassScore } from '../../service/model';
import classes from './confidence-bars.module.css';

/**
 * A horizontal bar chart of one document's class confidences. Plain elements instead of an SVG
 * chart library or layout components: the results table draws one per row, and they must stay cheap.
 */
export function ConfidenceBars({
  documentId,
  scores,
  size = 'sm',
  label = `Confidence for ${documentId}`,
}: {
  documentId: string;
  scores: ClassScore[];
  /** `lg` for the detail panel: wider labels and thicker bars. */
  size?: 'sm' | 'lg';
  label?: string;
}) {
  return (
    <div role="img" aria-label={label} className={classes.chart} data-size={size}>
      {scores.length === 0 ? (
        <span className={classes.empty}>No class</span>
      ) : (
        scores.map((score, index) => (
          <div key={`${score.category} ${index}`} className={classes.row} aria-hidden>
            <span className={classes.label} title={score.category}>
              {score.category}
            </span>
            <span className={classes.track}>
              <span
                className={classes.bar}
                style={{ width: `${Math.max(0, Math.min(1, score.confidence)) * 100}%` }}
              />
            </span>
            <span className={classes.value}>{formatConfidence(score.confidence)}</span>
          </div>
        ))
      )}
    </div>
  );
}
