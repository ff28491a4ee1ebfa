import classes from './evaluation.module.css';
import { formatInterval, type Interval } from './statistics/wilson';

export interface Figure {
  name: string;
  value: string;
  /** Its 95% interval, written after the value: "83.3% (95% CI 72.0–90.7%)". */
  interval?: Interval | undefined;
  /** How it is computed from counts, so it can be checked by hand. */
  detail: string;
}

/** Headline figures as a description list: name, value, and the counts behind it. */
export function MetricFigures({ figures }: { figures: Figure[] }) {
  return (
    <dl className={classes.figures}>
      {figures.map((figure) => (
        <div key={figure.name}>
          <dt>{figure.name}</dt>
          <dd>
            {figure.value}
            {figure.interval ? (
              <span className={classes.interval}> ({formatInterval(figure.interval)})</span>
            ) : null}
          </dd>
          <dd>{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
