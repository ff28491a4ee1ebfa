import { Stack, Table, Text } from '@mantine/core';
import { formatConfidence } from '../../lib/format';
import type { DocumentResult } from '../../service/model';
import { ConfidenceBars } from './confidence-bars';

function ClassList({ result }: { result: DocumentResult }) {
  if (result.error)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  if (result.classes.length === 0) return <Text size="sm">No class</Text>;
  return (
    <Stack gap={0}>
      {result.classes.map((score) => (
        <Text size="sm" key={score.category}>
          {score.category}{' '}
          <Text span fw={600}>
            {formatConfidence(score.confidence)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

function Notes({ result }: { result: DocumentResult }) {
  const { error, warnings } = result;
  if (!error && warnings.length === 0) return null;
  return (
    <Stack gap={2}>
      {error ? (
        <Text size="sm" c="red.8">
          {error.innerMessage ?? error.message} ({error.innerCode ?? error.code})
        </Text>
      ) : null}
      {warnings.map((warning) => (
        <Text size="sm" c="orange.8" key={warning.code + warning.message}>
          {warning.message} ({warning.code})
        </Text>
      ))}
    </Stack>
  );
}

export function ResultsTable({ documents }: { documents: DocumentResult[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-labelledby="results-heading" striped verticalSpacing="xs" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Document</Table.Th>
            <Table.Th scope="col">Classes</Table.Th>
            <Table.Th scope="col">Confidence</Table.Th>
            <Table.Th scope="col">Warnings and errors</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((result) => (
            <Table.Tr key={result.id}>
              <Table.Th scope="row" fw={500}>
                {result.id}
              </Table.Th>
              <Table.Td>
                <ClassList result={result} />
              </Table.Td>
              <Table.Td>
                {result.error ? null : (
                  <ConfidenceBars documentId={result.id} scores={result.classes} />
                )}
              </Table.Td>
              <Table.Td>
                <Notes result={result} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
