import { Badge, Card, CloseButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { formatConfidence } from '../../lib/format';
import type { DocumentResult } from '../../service/model';
import { Notes } from './result-cells';

const DocumentChart = lazy(() => import('./document-chart'));

interface ResultDetailProps {
  result: DocumentResult;
  label: string | undefined;
  onClose: () => void;
}

/** Stable, so it runs once per opened document (the panel is keyed by id), not on every render. */
function bringIntoView(node: HTMLElement | null) {
  node?.scrollIntoView({ block: 'nearest' });
}

function Comparison({ result, label }: { result: DocumentResult; label: string }) {
  const predicted = result.error ? undefined : result.classes[0];
  const matches = predicted?.category === label;
  return (
    <Group gap="xs">
      <Text size="sm">
        Label <strong>{label}</strong> · predicted{' '}
        <strong>
          {predicted
            ? `${predicted.category} (${formatConfidence(predicted.confidence)})`
            : 'no class'}
        </strong>
      </Text>
      <Badge color={matches ? 'green' : 'orange'} variant="light">
        {matches ? 'Matches the label' : 'Differs from the label'}
      </Badge>
    </Group>
  );
}

/** One document's chart, larger, with its label (from an import) beside the predicted class. */
export function ResultDetail({ result, label, onClose }: ResultDetailProps) {
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
        {label === undefined ? null : <Comparison result={result} label={label} />}
        {result.error ? null : result.classes.length === 0 ? (
          <Text size="sm">No class</Text>
        ) : (
          <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
            <DocumentChart documentId={result.id} scores={result.classes} />
          </Suspense>
        )}
        <Notes result={result} />
      </Stack>
    </Card>
  );
}
