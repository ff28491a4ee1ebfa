import '../../components/data-styles';
import { Badge, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { formatCount } from '../../lib/format';
import type { LabelMode } from '../../service/model';
import type { EvaluationItem } from './evaluation-item';
import { useEvaluationViewActions, useSliceBy } from './evaluation-view-store';
import { formatPercent } from './format-metric';
import { sliceTable, type SliceRow } from './slices';
import type { Interval } from './statistics/wilson';

interface SlicesPanelProps {
  /** What documents can be sliced by: their metadata names, language, … (see `sliceNames`). */
  names: string[];
  items: readonly EvaluationItem[];
  labelMode: LabelMode;
  threshold: number;
  /** A document's fields by name, keyed as in `names`. */
  fieldsOf: (id: string) => Readonly<Record<string, string>> | undefined;
}

/** The "nothing chosen" option; no field name is empty, since empty headers are named by position. */
const NONE = '';

function formatInterval({ low, high }: Interval): string {
  return `${formatPercent(low).replace('%', '')}–${formatPercent(high)}`;
}

function Row({ row, name }: { row: SliceRow; name: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">
        {name}
        {row.below ? (
          <Badge ml="xs" size="sm" color="red" variant="light" tt="none">
            below the rest
          </Badge>
        ) : null}
      </Table.Th>
      <Table.Td>{formatCount(row.documents)}</Table.Td>
      <Table.Td>
        {formatPercent(row.accuracy)}{' '}
        <Text span size="xs" c="dimmed">
          ({formatInterval(row.interval)})
        </Text>
      </Table.Td>
      <Table.Td>{formatPercent(row.macroF1)}</Table.Td>
      <Table.Td>{formatPercent(row.coverage)}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The evaluation per value of one field (a metadata column, the language): where the model does
 * worse than on the whole. Computed only once a field is chosen.
 */
export function SlicesPanel({ names, items, labelMode, threshold, fieldsOf }: SlicesPanelProps) {
  const chosen = useSliceBy();
  const { setSliceBy } = useEvaluationViewActions();
  const sliceBy = chosen !== null && names.includes(chosen) ? chosen : null;
  const applied = useDeferredValue(threshold);
  const table = useMemo(
    () =>
      sliceBy === null
        ? undefined
        : sliceTable(sliceBy, items, labelMode, applied, (item) => fieldsOf(item.id)?.[sliceBy]),
    [sliceBy, items, labelMode, applied, fieldsOf],
  );
  const figure = labelMode === 'multi' ? 'Exact match' : 'Accuracy';
  return (
    <Stack gap="xs">
      <Title order={4}>Slices</Title>
      <NativeSelect
        label="Slice by"
        description="The evaluation for each value of a column of the imported file, or the language"
        data={[{ value: NONE, label: 'Nothing' }, ...names]}
        value={sliceBy ?? NONE}
        onChange={(event) => {
          const { value } = event.currentTarget;
          setSliceBy(value === NONE ? null : value);
        }}
        maw={360}
      />
      {table ? (
        <>
          <Text size="sm" c="dimmed">
            {figure} of all {formatCount(table.overall.documents)} evaluated documents:{' '}
            {formatPercent(table.overall.accuracy)}. A value is “below the rest” when its whole 95%
            interval (Wilson) lies below that.
          </Text>
          <Table.ScrollContainer minWidth={480} maxHeight={480} type="native">
            <Table aria-label="Slices" striped stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{table.name}</Table.Th>
                  <Table.Th scope="col">Documents</Table.Th>
                  <Table.Th scope="col">{figure} (95% CI)</Table.Th>
                  <Table.Th scope="col">Macro F1</Table.Th>
                  <Table.Th scope="col">Coverage</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row) => (
                  <Row key={row.value ?? '\u0000'} row={row} name={row.value ?? '(none)'} />
                ))}
                {table.other ? (
                  <Row
                    row={table.other}
                    name={`Other (${formatCount(table.other.values)} values)`}
                  />
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
