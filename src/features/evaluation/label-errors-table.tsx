import '../../components/data-styles';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { memo, useId } from 'react';
import { formatCount } from '../../lib/format';
import { formatPercent } from './format-metric';
import type { LikelyLabelError } from './statistics/label-errors';

/** Rows drawn at once; the button still puts every one of them first. */
const SHOWN = 200;

/**
 * Labelled documents the model contradicts more confidently than it usually predicts that class:
 * likely wrong labels rather than model errors. The button puts them first in the review queue.
 */
export const LabelErrorsTable = memo(function LabelErrorsTable({
  errors,
  onReviewFirst,
}: {
  errors: readonly LikelyLabelError[] | undefined;
  onReviewFirst: () => void;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Likely label errors
        </Title>
        {!errors ? (
          <Text size="sm" c="dimmed" role="status">
            Looking for likely label errors…
          </Text>
        ) : errors.length === 0 ? (
          <Text size="sm">
            No labelled document is contradicted with at least the usual confidence of the class
            predicted.
          </Text>
        ) : (
          <>
            <Group justify="space-between" align="center">
              <Text size="sm">
                {formatCount(errors.length)} labelled{' '}
                {errors.length === 1 ? 'document gets' : 'documents get'} another class with at
                least the mean confidence of that class&apos;s predictions in this run, most
                confident first.
              </Text>
              <Button size="xs" variant="light" onClick={onReviewFirst}>
                Review these first
              </Button>
            </Group>
            <Table.ScrollContainer minWidth={420} maxHeight={360} type="native">
              <Table aria-label="Likely label errors" stickyHeader striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Document</Table.Th>
                    <Table.Th scope="col">Label</Table.Th>
                    <Table.Th scope="col">Predicted</Table.Th>
                    <Table.Th scope="col">Confidence</Table.Th>
                    <Table.Th scope="col">Class mean</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {errors.slice(0, SHOWN).map((error) => (
                    <Table.Tr key={`${error.id} ${error.predicted}`}>
                      <Table.Th scope="row">{error.id}</Table.Th>
                      <Table.Td>{error.labels.join(', ')}</Table.Td>
                      <Table.Td>{error.predicted}</Table.Td>
                      <Table.Td>{formatPercent(error.confidence)}</Table.Td>
                      <Table.Td>{formatPercent(error.classMean)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {errors.length > SHOWN ? (
              <Text size="xs" c="dimmed">
                The {formatCount(SHOWN)} most confident of {formatCount(errors.length)} are listed;
                Review these first takes all of them.
              </Text>
            ) : null}
          </>
        )}
      </Stack>
    </section>
  );
});
