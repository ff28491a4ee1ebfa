import classes from './evaluation.module.css';

export interface Figure {
  name: string;
  value: string;
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
          <dd>{figure.value}</dd>
          <dd>{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
