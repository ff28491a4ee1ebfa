import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { ExportButtons } from './export/export-buttons';
import { RawResponse } from './raw-response';
import { nextCorrection, ResultDetail } from './result-detail';
import type {
  ResultItem,
  ResultMark,
  ResultsCompare,
  ResultsFocus,
  ResultsRunSettings,
} from './result-item';
import { resultNotices } from './result-problems';
import { rendersAtOnce } from './results-render';
import { ResultsFilters } from './results-filters';
import { ResultsNotices, type ResultsCut } from './results-notices';
import { ResultsTable, VIRTUALISE_ABOVE } from './results-table';
import type { ResultsCursor } from './results-table-props';
import { ShortcutsButton, ShortcutsModal, useReviewKeys } from './review-keys';
import {
  classCounts,
  indexResults,
  nextSort,
  viewResults,
  type ClassFilter,
  type ResultsSort,
  type SortColumn,
} from './sort-results';
import { TopClassChart } from './top-class-chart';

export interface ResultsViewProps {
  /**
   * Every document with a result so far, in input order; it may grow while a batch runs. Keep an
   * item's object (and its `result`) the same while nothing about it changes: search text and
   * rows are cached by them.
   */
  items: readonly ResultItem[];
  /** The last job body as received, for the raw view. */
  raw: unknown;
  /** Whether no more results will come. */
  finished: boolean;
  /**
   * How many documents the run has, when known: a run with more than the plain table holds is
   * virtual from its first result, rather than built as a plain table first and then again.
   */
  runDocuments?: number;
  /** Whether they are every document's: finished with each job done (the export says so). */
  complete?: boolean;
  /** The run is done and its classified documents are on their way from storage. */
  arriving?: boolean;
  /** What the run was sent with and its threshold, for the exports and the threshold marks. */
  settings: ResultsRunSettings;
  /** The classes the number keys pick in the row detail, in order: `1` is the first (up to 9). */
  classNames: readonly string[];
  /** The evaluation's verdict by document id, marked in the rows in words. */
  marks?: ReadonlyMap<string, ResultMark>;
  /** Show only these documents, with a line that says which and a Clear button. */
  focus?: ResultsFocus;
  onClearFocus?: () => void;
  /** Another run of the same documents: a column shows its classes. */
  compare?: ResultsCompare;
  /** Sets a document's corrected label(s); an empty list clears the correction. */
  onCorrect?: (id: string, labels: string[]) => void;
  /** Set when paging stopped before the service's last page (a `JobPoll` with `truncated`). */
  resultsCut?: ResultsCut;
}

/** The document whose row button has the focus, if one has. */
function focusedDocumentId(): string | undefined {
  const focused = document.activeElement;
  return focused instanceof HTMLElement ? focused.dataset.documentId : undefined;
}

export function ResultsView({
  items,
  raw,
  finished,
  runDocuments = 0,
  complete = finished,
  arriving = false,
  settings,
  classNames,
  marks,
  focus,
  onClearFocus,
  compare,
  onCorrect,
  resultsCut,
}: ResultsViewProps) {
  // New results render in the background, in slices, so the page stays responsive as they come
  // in; a few render at once, so that a job's rows show the moment they arrive (results-render.ts).
  const deferredItems = useDeferredValue(items);
  const shownItems = rendersAtOnce(items.length) ? items : deferredItems;
  // The rows are in but their first render is deferred, or the feed has yet to bring them.
  const rowsOnTheirWay = arriving || (shownItems.length === 0 && items.length > 0);
  const [sort, setSort] = useState<ResultsSort>();
  const [filter, setFilter] = useState<ClassFilter>({ kind: 'all' });
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [cursor, setCursor] = useState<ResultsCursor>();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // The row the keys moved to; its button takes the focus once, when it renders.
  const focusFor = useRef<string>(undefined);
  // Typing stays ahead of filtering 10,000 rows.
  const deferredQuery = useDeferredValue(query);
  const multiLabel = settings.labelMode === 'multi';

  const rows = useMemo(() => indexResults(shownItems), [shownItems]);
  const documents = useMemo(() => shownItems.map((item) => item.result), [shownItems]);
  const withLabels = useMemo(
    () => shownItems.some((item) => item.labels !== undefined || item.correction !== undefined),
    [shownItems],
  );
  const withLanguage = useMemo(
    () => shownItems.some((item) => item.result.detectedLanguage !== undefined),
    [shownItems],
  );
  const counts = useMemo(() => classCounts(rows), [rows]);
  const notices = useMemo(() => resultNotices(documents), [documents]);
  const shown = useMemo(
    () =>
      viewResults(rows, {
        sort,
        filter,
        query: deferredQuery,
        focus: focus?.ids,
        focusFirst: focus?.first,
      }),
    [rows, sort, filter, deferredQuery, focus],
  );
  const selected = useMemo(
    () =>
      selectedId === undefined ? undefined : shownItems.find((i) => i.result.id === selectedId),
    [shownItems, selectedId],
  );

  const toTop = () => scrollRef.current?.scrollTo({ top: 0 });
  const select = useCallback((id: string) => {
    setSelectedId(id);
    setCursor({ id, moved: 0 });
  }, []);
  const claimFocus = useCallback((id: string) => {
    if (focusFor.current !== id) return false;
    focusFor.current = undefined;
    return true;
  }, []);

  useReviewKeys(sectionRef, {
    move: (step) => {
      // From the row whose button has the focus (reached with Tab or a click), else the cursor;
      // the cursor while a move's row has yet to take the focus (a key held down).
      const from = (focusFor.current === undefined ? focusedDocumentId() : undefined) ?? cursor?.id;
      const at = from === undefined ? -1 : shown.findIndex((row) => row.result.id === from);
      const next = shown[at === -1 ? 0 : Math.max(0, Math.min(shown.length - 1, at + step))];
      if (!next) return;
      const { id } = next.result;
      focusFor.current = id;
      setCursor({ id, moved: (cursor?.moved ?? 0) + 1 });
      // An open detail follows, so a review is j, a number, j, a number…
      if (selectedId !== undefined) setSelectedId(id);
    },
    open: () => {
      if (cursor) setSelectedId(cursor.id);
    },
    close: () => setSelectedId(undefined),
    correct: (digit) => {
      if (!selected || !onCorrect) return;
      const { id } = selected.result;
      if (digit === 0) return onCorrect(id, []);
      const chosen = classNames[digit - 1];
      if (chosen !== undefined)
        onCorrect(id, nextCorrection(selected.correction, chosen, multiLabel));
    },
    help: () => setShortcutsOpen(true),
  });

  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="results-heading"
      ref={sectionRef}
    >
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="results-heading">
            Results
          </Title>
          <Group gap="xs">
            <ShortcutsButton onOpen={() => setShortcutsOpen(true)} />
            <ExportButtons items={items} settings={settings} marks={marks} complete={complete} />
          </Group>
        </Group>
        <ShortcutsModal opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        <ResultsNotices notices={notices} cut={resultsCut} />
        {shownItems.length === 0 ? (
          <Text c="dimmed">
            {rowsOnTheirWay
              ? 'Reading the results…'
              : finished && !complete
                ? 'No documents have come back: the run above says which jobs did not finish.'
                : finished
                  ? 'The job returned no documents.'
                  : 'Results appear here when the job is done.'}
          </Text>
        ) : (
          <>
            <Title order={3} size="h6">
              Documents per top class
            </Title>
            <TopClassChart documents={documents} threshold={settings.threshold} />
            <ResultsFilters
              sort={sort}
              onSort={(next) => {
                setSort(next);
                toTop();
              }}
              withMargin={!multiLabel}
              counts={counts}
              filter={filter}
              onFilter={(next) => {
                setFilter(next);
                toTop();
              }}
              query={query}
              onQuery={(next) => {
                setQuery(next);
                toTop();
              }}
              shown={shown.length}
              total={shownItems.length}
            />
            {focus ? (
              <Text size="sm" role="status" data-results-focus>
                Showing: {focus.description}
                {onClearFocus ? (
                  <>
                    {' · '}
                    <Anchor component="button" type="button" size="sm" onClick={onClearFocus}>
                      Clear
                    </Anchor>
                  </>
                ) : null}
              </Text>
            ) : null}
            <ResultsTable
              virtual={Math.max(shownItems.length, runDocuments) > VIRTUALISE_ABOVE}
              rows={shown}
              sort={sort}
              onSort={(column: SortColumn) => {
                setSort((current) => nextSort(current, column));
                toTop();
              }}
              selectedId={selectedId}
              onSelect={select}
              cursor={cursor}
              claimFocus={claimFocus}
              withLabels={withLabels}
              withLanguage={withLanguage}
              marks={marks}
              compare={compare}
              labelMode={settings.labelMode}
              threshold={settings.threshold}
              scrollRef={scrollRef}
            />
            {selected ? (
              <ResultDetail
                key={selected.result.id}
                item={selected}
                mark={marks?.get(selected.result.id)}
                classNames={classNames}
                onCorrect={
                  onCorrect ? (labels) => onCorrect(selected.result.id, labels) : undefined
                }
                multiLabel={multiLabel}
                onClose={() => setSelectedId(undefined)}
              />
            ) : null}
          </>
        )}
        <RawResponse raw={raw} />
      </Stack>
    </Card>
  );
}
