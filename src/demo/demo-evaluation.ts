/** Evaluation summaries in the service's wire format, derived from counts so every figure agrees. */

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const f1Of = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function figures(counts: Record<string, Counts>) {
  const entries = Object.entries(counts);
  const classes = Object.fromEntries(
    entries.map(([label, { tp, fp, fn, tn }]) => {
      const precision = ratio(tp, tp + fp);
      const recall = ratio(tp, tp + fn);
      return [
        label,
        {
          f1: round(f1Of(precision, recall)),
          precision: round(precision),
          recall: round(recall),
          truePositiveCount: tp,
          trueNegativeCount: tn,
          falsePositiveCount: fp,
          falseNegativeCount: fn,
        },
      ];
    }),
  );
  const sum = (pick: (c: Counts) => number) => entries.reduce((total, [, c]) => total + pick(c), 0);
  const microPrecision = ratio(
    sum((c) => c.tp),
    sum((c) => c.tp + c.fp),
  );
  const microRecall = ratio(
    sum((c) => c.tp),
    sum((c) => c.tp + c.fn),
  );
  const mean = (pick: (label: string) => number) =>
    entries.length === 0
      ? 0
      : entries.reduce((total, [label]) => total + pick(label), 0) / entries.length;
  return {
    classes,
    microF1: round(f1Of(microPrecision, microRecall)),
    microPrecision: round(microPrecision),
    microRecall: round(microRecall),
    macroF1: round(mean((label) => classes[label]?.f1 ?? 0)),
    macroPrecision: round(mean((label) => classes[label]?.precision ?? 0)),
    macroRecall: round(mean((label) => classes[label]?.recall ?? 0)),
  };
}

const split = (testingSplitPercentage: number) => ({
  kind: 'percentage',
  trainingSplitPercentage: 100 - testingSplitPercentage,
  testingSplitPercentage,
});

/** `rows[i][j]`: test documents of class i predicted as class j. */
export function singleLabelEvaluation(
  labels: readonly string[],
  rows: readonly (readonly number[])[],
  testingSplitPercentage = 20,
) {
  const cell = (i: number, j: number) => rows[i]?.[j] ?? 0;
  const total = labels.reduce(
    (sum, _, i) => sum + labels.reduce((row, __, j) => row + cell(i, j), 0),
    0,
  );
  const counts = Object.fromEntries(
    labels.map((label, i) => {
      const tp = cell(i, i);
      const fn = labels.reduce((sum, _, j) => sum + cell(i, j), 0) - tp;
      const fp = labels.reduce((sum, _, j) => sum + cell(j, i), 0) - tp;
      return [label, { tp, fp, fn, tn: total - tp - fp - fn }];
    }),
  );
  const confusionMatrix = Object.fromEntries(
    labels.map((actual, i) => {
      const rowTotal = labels.reduce((sum, _, j) => sum + cell(i, j), 0);
      return [
        actual,
        Object.fromEntries(
          labels.flatMap((predicted, j) =>
            cell(i, j) === 0
              ? []
              : [
                  [
                    predicted,
                    { normalizedValue: round((cell(i, j) / rowTotal) * 100), rawValue: cell(i, j) },
                  ],
                ],
          ),
        ),
      ];
    }),
  );
  return {
    projectKind: 'CustomSingleLabelClassification',
    customSingleLabelClassificationEvaluation: { confusionMatrix, ...figures(counts) },
    evaluationOptions: split(testingSplitPercentage),
  };
}

/** Per class `[tp, fp, fn]` over `documents` test documents. */
export function multiLabelEvaluation(
  perClass: Readonly<Record<string, readonly [tp: number, fp: number, fn: number]>>,
  documents: number,
  testingSplitPercentage = 20,
) {
  const counts = Object.fromEntries(
    Object.entries(perClass).map(([label, [tp, fp, fn]]) => [
      label,
      { tp, fp, fn, tn: documents - tp - fp - fn },
    ]),
  );
  return {
    projectKind: 'CustomMultiLabelClassification',
    customMultiLabelClassificationEvaluation: figures(counts),
    evaluationOptions: split(testingSplitPercentage),
  };
}
