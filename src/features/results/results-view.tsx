import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { DocumentResult } from '../../service/model';
import { ExportButtons } from './export/export-buttons';
import type { ExportMeta } from './export/results-json';
import { RawResponse } from './raw-response';
import { TopClassChart } from './top-class-chart';
import { ResultDetail } from './result-detail';
import { resultNotices } from './result-problems';
import { ResultsFilters } from './results-filters';
import { ResultsNotices, type ResultsCut } from './results-notices';
import { ResultsTable, VIRTUALISE_ABOVE } from './results-table';
import {
  classCounts,
  indexResults,
  nextSort,
  viewResults,
  type ClassFilter,
  type ResultsSort,
  type SortColumn,
} from './sort-results';

export interface ResultsViewProps {
  /** Every result so far, in the service's order; it may grow while a batch runs. */
  documents: DocumentResult[];
  /** The last job body as received, for the raw view. */
  raw: unknown;
  /** Whether no more results will come. */
  finished: boolean;
  /** Expected classes by document id, from an imported label column. */
  labels?: Map<string, string>;
  meta: ExportMeta;
  /** Set when paging stopped before the service's last page (a `JobPoll` with `truncated`). */
  resultsCut?: ResultsCut;
}

export function ResultsView({
  documents,
  raw,
  finished,
  labels,
  meta,
  resultsCut,
}: ResultsViewProps) {
  // New results render in the background, in slices, so the page stays responsive as they come in.
  const shownDocuments = useDeferredValue(documents);
  const [sort, setSort] = useState<ResultsSort>();
  const [filter, setFilter] = useState<ClassFilter>({ kind: 'all' });
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Typing stays ahead of filtering 10,000 rows.
  const deferredQuery = useDeferredValue(query);

  const rows = useMemo(() => indexResults(shownDocuments), [shownDocuments]);
  const counts = useMemo(() => classCounts(rows), [rows]);
  const notices = useMemo(() => resultNotices(shownDocuments), [shownDocuments]);
  const shown = useMemo(
    () => viewResults(rows, { sort, filter, query: deferredQuery }),
    [rows, sort, filter, deferredQuery],
  );
  const selected =
    selectedId === undefined ? undefined : shownDocuments.find((d) => d.id === selectedId);

  const toTop = () => scrollRef.current?.scrollTo({ top: 0 });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="results-heading">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="results-heading">
            Results
          </Title>
          <ExportButtons documents={documents} meta={meta} complete={finished} labels={labels} />
        </Group>
        <ResultsNotices notices={notices} cut={resultsCut} />
        {shownDocuments.length === 0 ? (
          <Text c="dimmed">
            {finished
              ? 'The job returned no documents.'
              : 'Results appear here when the job is done.'}
          </Text>
        ) : (
          <>
            <Title order={3} size="h6">
              Documents per top class
            </Title>
            <TopClassChart documents={shownDocuments} />
            <ResultsFilters
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
              total={shownDocuments.length}
            />
            <ResultsTable
              virtual={shownDocuments.length > VIRTUALISE_ABOVE}
              rows={shown}
              sort={sort}
              onSort={(column: SortColumn) => {
                setSort((current) => nextSort(current, column));
                toTop();
              }}
              selectedId={selectedId}
              onSelect={setSelectedId}
              labels={labels}
              scrollRef={scrollRef}
            />
            {selected ? (
              <ResultDetail
                key={selected.id}
                result={selected}
                label={labels?.get(selected.id)}
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
