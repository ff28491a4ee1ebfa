import { UnstyledButton } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { formatConfidence } from '../../lib/format';
import type { DetectedLanguage, DocumentResult, LabelMode } from '../../service/model';
import { ConfidenceBars } from './confidence-bars';
import type { ResultMark } from './result-item';
import { invalidConfidences } from './result-problems';
import classes from './results-table.module.css';
import type { IndexedResult } from './sort-results';

/** Longer than this, or on several lines, a text may be clamped: its row reveals it whole. */
const REVEAL_ABOVE = 80;

export function joinLabels(labels: readonly string[]): string {
  return labels.join('; ');
}

interface ClassListProps {
  result: DocumentResult;
  labels: readonly string[] | undefined;
  correction: readonly string[] | undefined;
  mark: ResultMark | undefined;
  labelMode: LabelMode;
  threshold: number;
}

/** Whether a class falls under the threshold: every class in multi label, the top one in single. */
function isDropped(confidence: number, index: number, labelMode: LabelMode, threshold: number) {
  return confidence < threshold && (labelMode === 'multi' || index === 0);
}

/**
 * The predicted classes by name, one a line, level with their bars in the Confidence column; what
 * the evaluation says of them in words, the label and the correction. Percentages are the
 * Confidence column's job.
 */
function ClassList({ result, labels, correction, mark, labelMode, threshold }: ClassListProps) {
  const invalid = invalidConfidences(result);
  const dropped = (confidence: number, index: number) =>
    isDropped(confidence, index, labelMode, threshold);
  return (
    <div className={classes.text}>
      {result.error ? (
        <div className={classes.dimmed}>—</div>
      ) : result.classes.length === 0 && invalid.length === 0 ? (
        <div>No class</div>
      ) : (
        <>
          {result.classes.map((score, index) => (
            <div
              key={`${score.category} ${index}`}
              className={`${classes.classLine} ${dropped(score.confidence, index) ? classes.dropped : ''}`}
              title={
                dropped(score.confidence, index)
                  ? `${score.category}: below the threshold`
                  : score.category
              }
            >
              <span className={mark?.mismatch && index === 0 ? classes.struck : undefined}>
                {score.category}
              </span>
            </div>
          ))}
          {invalid.map((problem, index) => (
            <div
              key={`${problem.category} ${index}`}
              className={`${classes.classLine} ${classes.warning}`}
              title={`${problem.category}: the service sent an invalid confidence`}
            >
              {problem.category}
            </div>
          ))}
        </>
      )}
      {mark?.mismatch || mark?.belowThreshold ? (
        <div className={classes.marks}>
          {mark.mismatch ? <span className={classes.mismatch}>≠ label</span> : null}
          {mark.belowThreshold ? <span className={classes.below}>Below threshold</span> : null}
        </div>
      ) : null}
      {labels === undefined ? null : (
        <div className={classes.label}>Label: {joinLabels(labels)}</div>
      )}
      {correction === undefined ? null : (
        <div className={classes.correction}>Corrected: {joinLabels(correction)}</div>
      )}
    </div>
  );
}

/**
 * Two lines of the text; the whole of it appears over the row while the row is hovered or holds the
 * focus (the row's button). The clamped copy holds the full text, so a screen reader reads it all.
 */
function DocumentText({ text }: { text: string }) {
  const long = text.length > REVEAL_ABOVE || text.includes('\n');
  return (
    <div className={classes.textCell}>
      <div className={classes.clamped} dir="auto">
        {text}
      </div>
      {long ? (
        <div className={classes.fullText} dir="auto" aria-hidden>
          {text}
        </div>
      ) : null}
    </div>
  );
}

function OtherRunClasses({ classes: other }: { classes: readonly string[] | undefined }) {
  return (
    <div className={classes.text}>
      {other === undefined ? (
        <div className={classes.dimmed}>Not in that run</div>
      ) : other.length === 0 ? (
        <div>No class</div>
      ) : (
        other.map((category, index) => <div key={`${category} ${index}`}>{category}</div>)
      )}
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
 * and it stretches over the whole row so a click anywhere on the row opens the chart. It takes the
 * focus when the review keys (`j` / `k`) move to its row.
 */
function OpenChartButton({
  id,
  selected,
  active,
  onSelect,
  claimFocus,
}: {
  id: string;
  selected: boolean;
  active: boolean;
  onSelect: (id: string) => void;
  claimFocus: (id: string) => boolean;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (active && claimFocus(id)) ref.current?.focus();
  }, [active, claimFocus, id]);
  return (
    <UnstyledButton
      ref={ref}
      className={classes.open}
      aria-pressed={selected}
      data-document-id={id}
      title={`Show the chart for ${id}`}
      onClick={() => onSelect(id)}
    >
      {id}
    </UnstyledButton>
  );
}

/** "English (en) · 98%", or the code alone when that is all the service sent. */
export function describeLanguage(language: DetectedLanguage): string {
  const named = language.name ? `${language.name} (${language.code})` : language.code;
  return language.confidence === undefined
    ? named
    : `${named} · ${formatConfidence(language.confidence)}`;
}

function LanguageCell({ result }: { result: DocumentResult }) {
  const language = result.detectedLanguage;
  if (!language) return <div className={`${classes.text} ${classes.dimmed}`}>—</div>;
  return (
    <div className={classes.text} title={describeLanguage(language)}>
      <div>{language.name ?? language.code}</div>
      {language.name || language.confidence !== undefined ? (
        <div className={classes.label}>
          {language.name ? language.code : ''}
          {language.name && language.confidence !== undefined ? ' · ' : ''}
          {language.confidence === undefined ? '' : formatConfidence(language.confidence)}
        </div>
      ) : null}
    </div>
  );
}

/** What one row needs; every field is stable while the row's data is, so rows can be memoised. */
export interface RowProps {
  row: IndexedResult;
  mark: ResultMark | undefined;
  /** The table has the Detected language column. */
  withLanguage: boolean;
  /** Undefined without a compared run; `null` when the other run has no result for this id. */
  otherClasses: readonly string[] | null | undefined;
  labelMode: LabelMode;
  threshold: number;
  selected: boolean;
  active: boolean;
  onSelect: (id: string) => void;
  claimFocus: (id: string) => boolean;
}

/** The row's cells in column order (see `resultsColumns`): the first is the row header. */
export function rowCells({
  row,
  mark,
  withLanguage,
  otherClasses,
  labelMode,
  threshold,
  selected,
  active,
  onSelect,
  claimFocus,
}: RowProps): { key: string; content: ReactNode; phoneHidden?: boolean }[] {
  const { result, item } = row;
  return [
    {
      key: 'id',
      content: (
        <OpenChartButton
          id={result.id}
          selected={selected}
          active={active}
          onSelect={onSelect}
          claimFocus={claimFocus}
        />
      ),
    },
    { key: 'text', content: <DocumentText text={item.text} /> },
    {
      key: 'classes',
      content: (
        <ClassList
          result={result}
          labels={item.labels}
          correction={item.correction}
          mark={mark}
          labelMode={labelMode}
          threshold={threshold}
        />
      ),
    },
    ...(otherClasses === undefined
      ? []
      : [
          {
            key: 'other',
            content: <OtherRunClasses classes={otherClasses ?? undefined} />,
          },
        ]),
    {
      key: 'confidence',
      content: result.error ? null : (
        <ConfidenceBars
          documentId={result.id}
          scores={result.classes}
          muted={result.classes.map((score, index) =>
            isDropped(score.confidence, index, labelMode, threshold),
          )}
          invalid={invalidConfidences(result).length}
        />
      ),
    },
    ...(withLanguage
      ? [{ key: 'language', content: <LanguageCell result={result} />, phoneHidden: true }]
      : []),
    { key: 'notes', content: <Notes result={result} /> },
  ];
}
