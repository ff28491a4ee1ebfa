import { formatCount } from '../../lib/format';
import type { Evaluation } from './evaluate';
import { formatPercent } from './format-metric';
import type { Figure } from './metric-figures';
import type { Interval } from './statistics/wilson';
import { wilsonInterval } from './statistics/wilson';

/**
 * The headline figures of an evaluation; Coverage and the kept-only figure once a threshold is set.
 * Shares carry their Wilson interval; micro F1 its bootstrap interval once `microF1` has come.
 */
export function evaluationFigures(
  evaluation: Evaluation,
  threshold: number,
  microF1?: Interval,
): Figure[] {
  const { evaluated, kept } = evaluation;
  const coverage: Figure = {
    name: 'Coverage',
    value: formatPercent(evaluation.coverage),
    interval: wilsonInterval(kept, evaluated),
    detail: `${formatCount(kept)} of ${formatCount(evaluated)} keep a class`,
  };
  if (evaluation.mode === 'single') {
    const accuracy: Figure = {
      name: 'Accuracy',
      value: formatPercent(evaluation.accuracy),
      interval: wilsonInterval(evaluation.correct, evaluated),
      detail: `${formatCount(evaluation.correct)} of ${formatCount(evaluated)} correct`,
    };
    if (threshold === 0) return [accuracy];
    return [
      accuracy,
      coverage,
      {
        name: 'Accuracy on kept',
        value: formatPercent(evaluation.keptAccuracy),
        interval: wilsonInterval(evaluation.correct, kept),
        detail: `${formatCount(evaluation.correct)} of ${formatCount(kept)} kept correct`,
      },
    ];
  }
  const decisions = evaluated * evaluation.classes.length;
  return [
    {
      name: 'Exact match',
      value: formatPercent(evaluation.exactMatch),
      interval: wilsonInterval(evaluation.exactMatches, evaluated),
      detail: `${formatCount(evaluation.exactMatches)} of ${formatCount(evaluated)} with all labels right`,
    },
    {
      name: 'Hamming loss',
      value: formatPercent(evaluation.hammingLoss),
      detail: `${formatCount(evaluation.wrongDecisions)} of ${formatCount(decisions)} label decisions wrong`,
    },
    coverage,
    {
      name: 'Micro F1',
      value: formatPercent(evaluation.micro.f1),
      interval: microF1,
      detail: `${formatPercent(evaluation.keptMicroF1)} on the kept documents`,
    },
  ];
}
