import { Badge, Checkbox, Group, List, Radio, Stack, Table, Text } from '@mantine/core';
import type { AddAs, TrainingSet, TrainingSummary } from './training-set';

const FIRST_ROWS = 10;
const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;

interface DocumentsSectionProps {
  includeGold: boolean;
  onIncludeGold: (value: boolean) => void;
  canIncludeGold: boolean;
  addAs: AddAs;
  onAddAs: (value: AddAs) => void;
  set: TrainingSet;
  summary: TrainingSummary;
}

/** What would go to the project, how it is split, and what it adds. */
export function DocumentsSection(props: DocumentsSectionProps) {
  const { set, summary } = props;
  return (
    <Stack gap="sm">
      <Group gap="xl" align="flex-start">
        <Checkbox
          label="Include gold labels"
          description="Every labelled document goes too; a correction wins over its gold label."
          checked={props.includeGold}
          disabled={!props.canIncludeGold}
          onChange={(event) => props.onIncludeGold(event.currentTarget.checked)}
        />
        <Radio.Group
          label="Add as"
          value={props.addAs}
          onChange={(value) =>
            props.onAddAs(value === 'Train' || value === 'Test' ? value : 'split')
          }
        >
          <Group gap="md" mt={4}>
            <Radio value="Train" label="Train" />
            <Radio value="Test" label="Test" />
            <Radio value="split" label="Split 80/20" />
          </Group>
        </Radio.Group>
      </Group>
      <Text size="sm" aria-label="Summary">
        {summary.documents === 0
          ? 'Nothing to add: correct a document in the results (or include gold labels).'
          : `${plural(summary.documents, 'document')} (${summary.corrections} corrected): ${summary.train} Train, ${summary.test} Test; ${plural(summary.classes.length, 'class')}${
              summary.newClasses === undefined
                ? '; Read the project to see which are new to it.'
                : summary.newClasses.length === 0
                  ? ', none new to the project.'
                  : `, ${summary.newClasses.length} new to the project:`
            }`}
      </Text>
      {summary.newClasses && summary.newClasses.length > 0 ? (
        <Group gap={4} aria-label="New classes">
          {summary.newClasses.map((name) => (
            <Badge key={name} color="orange" variant="light">
              new: {name}
            </Badge>
          ))}
        </Group>
      ) : null}
      {summary.tooManyClasses ? (
        <Text size="sm" c="red" role="alert">
          The project would have more than 200 classes, the service’s limit.
        </Text>
      ) : null}
      {set.documents.length > 0 ? (
        <Table aria-label="Documents to add" striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>Label</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Set</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {set.documents.slice(0, FIRST_ROWS).map((document) => (
              <Table.Tr key={document.id}>
                <Table.Td>{document.id}</Table.Td>
                <Table.Td>{document.labels.join(', ')}</Table.Td>
                <Table.Td>{document.from === 'correction' ? 'Correction' : 'Gold label'}</Table.Td>
                <Table.Td>{document.dataset}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {set.documents.length > FIRST_ROWS ? (
            <Table.Caption>
              The first {FIRST_ROWS} of {set.documents.length.toLocaleString('en-US')}.
            </Table.Caption>
          ) : null}
        </Table>
      ) : null}
      {set.leftOut.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm">{plural(set.leftOut.length, 'document')} left out:</Text>
          <List size="sm">
            {set.leftOut.slice(0, FIRST_ROWS).map((item) => (
              <List.Item key={`${item.id}-${item.reason}`}>
                {item.id}: {item.reason}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}
