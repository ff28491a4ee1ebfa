import { formatCount } from '../../../lib/format';
import type { LabelMode } from '../../../service/model';
import { bucketName, type CountMatrix } from '../count-matrix';
import type { Evaluation } from '../evaluate';
import { evaluationFigures } from '../evaluation-figures';
import { formatPercent } from '../format-metric';
import { binName } from '../calibration-bins';
import { differenceSentence, formatPValue, mcnemarExact } from '../statistics/mcnemar';
import type { PairedCounts } from '../statistics/paired-outcomes';
import { formatInterval, wilsonInterval, ROUGH_BELOW, type Interval } from '../statistics/wilson';
import type { RunStatistics } from '../use-statistics';

/** What the run was sent with: never the key, the endpoint by its host only. */
interface ReportSettings {
  runName: string;
  endpointHost: string;
  projectName: string;
  deploymentName?: string | undefined;
  modelId?: string | undefined;
  apiVersion: string;
  labelMode: LabelMode;
  /** Epoch milliseconds. */
  ranAt: number;
  threshold: number;
  documents: number;
}

interface ReportComparison {
  names: { thisRun: string; otherRun: string };
  agreed: number;
  shared: number;
  paired?: (PairedCounts & { paired: number }) | undefined;
  difference?: Interval | undefined;
}

interface ReportInput {
  settings: ReportSettings;
  evaluation: Evaluation;
  statistics: RunStatistics | undefined;
  comparison?: ReportComparison | undefined;
  generatedAt: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const withInterval = (value: number, interval: Interval | undefined) =>
  escapeHtml(
    interval ? `${formatPercent(value)} (${formatInterval(interval)})` : formatPercent(value),
  );

function table(caption: string, head: string[], rows: string[][]): string {
  const th = head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows
    .map(
      ([first = '', ...rest]) =>
        `<tr><th scope="row">${first}</th>${rest.map((cell) => `<td>${cell}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function matrixTable(caption: string, matrix: CountMatrix): string {
  return table(
    caption,
    ['Label \\ predicted', ...matrix.columns.map((column) => bucketName(matrix, column))],
    matrix.rows.map((row, r) => [
      escapeHtml(bucketName(matrix, row)),
      ...matrix.columns.map((_, c) => formatCount(matrix.counts[r]?.[c] ?? 0)),
    ]),
  );
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1b1e;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left}thead th{background:#f1f3f5}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.note{color:#5c3c00}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}table,section{break-inside:avoid}}
`;

/**
 * The evaluation as one self-contained HTML file to share: no script, inline CSS, laid out to
 * print. Every figure with its interval, the matrix, calibration, likely label errors and the paired
 * test when comparing. The settings are those of `ReportSettings`: never the key.
 */
export function reportHtml({
  settings,
  evaluation,
  statistics,
  comparison,
  generatedAt,
}: ReportInput): string {
  const current = statistics?.threshold === settings.threshold ? statistics : undefined;
  const model = settings.deploymentName ?? settings.modelId ?? '—';
  const facts: [string, string][] = [
    ['Run', settings.runName],
    ['Endpoint', settings.endpointHost],
    ['Project', settings.projectName],
    [settings.deploymentName ? 'Deployment' : 'Model', model],
    ['API version', settings.apiVersion],
    ['Labels', settings.labelMode === 'single' ? 'Single label' : 'Multi label'],
    ['Ran at', new Date(settings.ranAt).toISOString()],
    ['Confidence threshold', formatPercent(settings.threshold)],
    [
      'Documents',
      `${formatCount(evaluation.evaluated)} evaluated of ${formatCount(settings.documents)}`,
    ],
  ];
  const parts: string[] = [];
  parts.push(
    `<h1>Evaluation of ${escapeHtml(settings.runName)}</h1>`,
    `<p>Written ${escapeHtml(new Date(generatedAt).toISOString())} by Classify Console. Intervals are 95%: Wilson score for shares, percentile bootstrap (${formatCount(current?.bootstrap.resamples ?? 0)} seeded resamples of documents) for F1 and averages.</p>`,
    `<section><h2>Settings</h2><dl>${facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl></section>`,
  );
  const figures = evaluationFigures(evaluation, settings.threshold, current?.bootstrap.micro.f1);
  parts.push(
    '<section><h2>Figures</h2>',
    evaluation.evaluated < ROUGH_BELOW
      ? `<p class="note">Only ${formatCount(evaluation.evaluated)} evaluated documents (fewer than ${ROUGH_BELOW}): these figures are rough.</p>`
      : '',
    table(
      'Headline figures',
      ['Figure', 'Value', 'How'],
      figures.map((figure) => [
        escapeHtml(figure.name),
        escapeHtml(
          figure.interval ? `${figure.value} (${formatInterval(figure.interval)})` : figure.value,
        ),
        escapeHtml(figure.detail),
      ]),
    ),
    table(
      'Per-class metrics',
      ['Class', 'Precision (95% CI)', 'Recall (95% CI)', 'F1 (95% CI)', 'Support'],
      [
        ...evaluation.classes.map((row) => [
          escapeHtml(row.category),
          withInterval(row.precision, wilsonInterval(row.tp, row.tp + row.fp)),
          withInterval(row.recall, wilsonInterval(row.tp, row.tp + row.fn)),
          withInterval(row.f1, current?.bootstrap.classF1[row.category]),
          formatCount(row.support),
        ]),
        ...(['micro', 'macro'] as const).map((kind) => [
          kind === 'micro' ? 'Micro average' : 'Macro average',
          withInterval(evaluation[kind].precision, current?.bootstrap[kind].precision),
          withInterval(evaluation[kind].recall, current?.bootstrap[kind].recall),
          withInterval(evaluation[kind].f1, current?.bootstrap[kind].f1),
          formatCount(evaluation[kind].support),
        ]),
      ],
    ),
    evaluation.mode === 'single' ? matrixTable('Confusion matrix', evaluation.confusion) : '',
    '</section>',
  );
  if (statistics) {
    const { calibration, labelErrors } = statistics;
    parts.push(
      '<section><h2>Calibration</h2>',
      `<p>Expected calibration error ${formatPercent(calibration.ece)}, maximum calibration error ${formatPercent(calibration.mce)}, over ${formatCount(calibration.decisions)} ${settings.labelMode === 'single' ? 'documents (top class)' : '(document, class) decisions'}.</p>`,
      table(
        'Reliability by confidence',
        ['Confidence', 'Count', 'Mean confidence', 'Accuracy'],
        calibration.bins.map((bin) => [
          escapeHtml(binName(bin)),
          formatCount(bin.count),
          bin.confidence === undefined ? '—' : formatPercent(bin.confidence),
          bin.accuracy === undefined ? '—' : formatPercent(bin.accuracy),
        ]),
      ),
      '</section><section><h2>Likely label errors</h2>',
      labelErrors.length === 0
        ? '<p>None.</p>'
        : table(
            'Likely label errors',
            ['Document', 'Label', 'Predicted', 'Confidence', 'Class mean'],
            labelErrors.map((error) => [
              escapeHtml(error.id),
              escapeHtml(error.labels.join(', ')),
              escapeHtml(error.predicted),
              formatPercent(error.confidence),
              formatPercent(error.classMean),
            ]),
          ),
      '</section>',
    );
  }
  if (comparison) {
    const { names, agreed, shared, paired, difference } = comparison;
    parts.push(
      `<section><h2>Compared with ${escapeHtml(names.otherRun)}</h2>`,
      `<p>Agreement ${withInterval(shared === 0 ? 0 : agreed / shared, wilsonInterval(agreed, shared))}: ${formatCount(agreed)} of ${formatCount(shared)} documents.</p>`,
    );
    if (paired && paired.paired > 0) {
      const p = mcnemarExact(paired.onlyThis, paired.onlyOther);
      parts.push(
        table(
          'Paired outcomes',
          ['Outcome', 'Documents'],
          [
            ['Both right', formatCount(paired.bothRight)],
            [`Only this run (${escapeHtml(names.thisRun)}) right`, formatCount(paired.onlyThis)],
            [
              `Only the other run (${escapeHtml(names.otherRun)}) right`,
              formatCount(paired.onlyOther),
            ],
            ['Both wrong', formatCount(paired.bothWrong)],
          ],
        ),
        `<p>McNemar p ${escapeHtml(formatPValue(p, 3))}. Accuracy difference (this run − other): ${escapeHtml(formatPercent((paired.onlyThis - paired.onlyOther) / paired.paired))}${difference ? escapeHtml(` (${formatInterval(difference)}, paired bootstrap)`) : ''}.</p>`,
        `<p><strong>${escapeHtml(differenceSentence(p, paired.onlyThis, paired.onlyOther, names))}.</strong></p>`,
      );
    }
    parts.push('</section>');
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation of ${escapeHtml(settings.runName)}</title><style>${STYLE}</style></head>
<body>
${parts.join('\n')}
</body></html>
`;
}
