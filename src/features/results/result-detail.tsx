import {
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { formatConfidence } from '../../lib/format';
import type { ClassScore, DocumentResult } from '../../service/model';
import { ConfidenceBars } from './confidence-bars';
import { documentChartHeight } from './document-chart-size';
import { describeLanguage, joinLabels, Notes } from './result-cells';
import type { ResultItem, ResultMark } from './result-item';
import classes from './results-table.module.css';

const DocumentChart = lazy(() => import('./document-chart'));

interface ResultDetailProps {
  item: ResultItem;
  mark: ResultMark | undefined;
  /** The classes the number keys pick, in order: `1` is the first. */
  classNames: readonly string[];
  /** Set when corrections can be made: the chosen class(es), or an empty list to clear. */
  onCorrect: ((labels: string[]) => void) | undefined;
  /** Multi label: a class is added to or taken from the correction; single: it replaces it. */
  multiLabel: boolean;
  onClose: () => void;
}

/**
 * Stable, so it runs once per opened document (the panel is keyed by id), not on every render.
 * The panel has its final height by then: a lazy chart's room is kept while it loads.
 */
function bringIntoView(node: HTMLElement | null) {
  node?.scrollIntoView({ block: 'nearest' });
}

/** What the number key `n` (or its button) makes of the correction. */
export function nextCorrection(
  current: readonly string[] | undefined,
  chosen: string,
  multiLabel: boolean,
): string[] {
  const labels = current ?? [];
  if (labels.includes(chosen)) return multiLabel ? labels.filter((l) => l !== chosen) : [];
  return multiLabel ? [...labels, chosen] : [chosen];
}

/**
 * One class is one plain bar, drawn at once; several get the chart library's chart, loaded on
 * demand, with its room kept meanwhile so the panel does not grow after it has scrolled into view.
 */
function DetailChart({ documentId, scores }: { documentId: string; scores: ClassScore[] }) {
  if (scores.length === 1)
    return (
      <ConfidenceBars
        documentId={documentId}
        scores={scores}
        size="lg"
        label={`Confidence chart for ${documentId}`}
      />
    );
  return (
    <Suspense
      fallback={
        <Box h={documentChartHeight(scores.length)}>
          <Loader size="sm" aria-label="Loading chart" />
        </Box>
      }
    >
      <DocumentChart documentId={documentId} scores={scores} />
    </Suspense>
  );
}

function Comparison({
  result,
  labels,
  mark,
}: {
  result: DocumentResult;
  labels: readonly string[];
  mark: ResultMark | undefined;
}) {
  const predicted = result.error ? undefined : result.classes[0];
  // The evaluation's word when there is one; otherwise the top class against a single label.
  const matches = mark ? !mark.mismatch : labels.length === 1 && predicted?.category === labels[0];
  return (
    <Group gap="xs">
      <Text size="sm">
        Label <strong>{joinLabels(labels)}</strong> · predicted{' '}
        <strong>
          {predicted
            ? `${predicted.category} (${formatConfidence(predicted.confidence)})`
            : 'no class'}
        </strong>
      </Text>
      <Badge color={matches ? 'green' : 'orange'} variant="light">
        {matches ? 'Matches the label' : 'Differs from the label'}
      </Badge>
      {mark?.belowThreshold ? (
        <Badge color="gray" variant="light">
          Below threshold
        </Badge>
      ) : null}
    </Group>
  );
}

function Correction({
  item,
  classNames,
  onCorrect,
  multiLabel,
}: {
  item: ResultItem;
  classNames: readonly string[];
  onCorrect: (labels: string[]) => void;
  multiLabel: boolean;
}) {
  const { correction } = item;
  return (
    <Stack gap={4}>
      <Text size="sm">
        Corrected label:{' '}
        <strong>
          {correction
            ? joinLabels(correction)
            : item.labels?.length
              ? 'none (the gold label stands)'
              : 'none'}
        </strong>
      </Text>
      <Group gap={6}>
        {classNames.slice(0, 9).map((name, index) => (
          <Button
            key={name}
            size="compact-xs"
            variant={correction?.includes(name) ? 'filled' : 'default'}
            aria-pressed={correction?.includes(name) ?? false}
            aria-keyshortcuts={String(index + 1)}
            onClick={() => onCorrect(nextCorrection(correction, name, multiLabel))}
          >
            {index + 1} {name}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {multiLabel
          ? 'Keys 1–9 add or remove that class; 0 clears the correction.'
          : 'Keys 1–9 set that class; the same key again, or 0, clears it.'}
      </Text>
    </Stack>
  );
}

/** One document: its whole text beside its classes and chart, its label, and its correction. */
export function ResultDetail({
  item,
  mark,
  classNames,
  onCorrect,
  multiLabel,
  onClose,
}: ResultDetailProps) {
  const { result } = item;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="result-detail-heading"
      ref={bringIntoView}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5" id="result-detail-heading">
            {result.id}
          </Title>
          <CloseButton aria-label={`Close the chart for ${result.id}`} onClick={onClose} />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Text size="sm" dir="auto" className={classes.detailText}>
            {item.text}
          </Text>
          <Stack gap="sm">
            {item.labels === undefined ? null : (
              <Comparison result={result} labels={item.labels} mark={mark} />
            )}
            {result.error ? null : result.classes.length === 0 ? (
              <Text size="sm">No class</Text>
            ) : (
              <DetailChart documentId={result.id} scores={result.classes} />
            )}
            {onCorrect ? (
              <Correction
                item={item}
                classNames={classNames}
                onCorrect={onCorrect}
                multiLabel={multiLabel}
              />
            ) : null}
            {result.detectedLanguage ? (
              <Text size="sm">
                Detected language: <strong>{describeLanguage(result.detectedLanguage)}</strong>
              </Text>
            ) : null}
            <Notes result={result} />
          </Stack>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
