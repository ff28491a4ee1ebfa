import '../../components/data-styles';
import { Table, Title } from '@mantine/core';
import { memo } from 'react';
import { formatCount } from '../../lib/format';
import type { Averages, ClassTable, OtherClasses } from './class-metrics';
import { formatPercent } from './format-metric';

const COUNT_HEADERS = [
  { short: 'TP', long: 'True positives' },
  { short: 'FP', long: 'False positives' },
  { short: 'FN', long: 'False negatives' },
  { short: 'TN', long: 'True negatives' },
];

function AverageRow({
  name,
  average,
  counts,
}: {
  name: string;
  average: Averages;
  counts: boolean;
}) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td>{formatPercent(average.precision)}</Table.Td>
      <Table.Td>{formatPercent(average.recall)}</Table.Td>
      <Table.Td>{formatPercent(average.f1)}</Table.Td>
      <Table.Td>{formatCount(average.support)}</Table.Td>
      {counts && <Table.Td colSpan={COUNT_HEADERS.length} />}
    </Table.Tr>
  );
}

/** The less frequent classes summed: their micro precision, recall and F1. */
function OtherRow({ other, counts }: { other: OtherClasses; counts: boolean }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">Other ({formatCount(other.classes)} classes)</Table.Th>
      <Table.Td>{formatPercent(other.precision)}</Table.Td>
      <Table.Td>{formatPercent(other.recall)}</Table.Td>
      <Table.Td>{formatPercent(other.f1)}</Table.Td>
      <Table.Td>{formatCount(other.support)}</Table.Td>
      {counts && (
        <>
          <Table.Td>{formatCount(other.tp)}</Table.Td>
          <Table.Td>{formatCount(other.fp)}</Table.Td>
          <Table.Td>{formatCount(other.fn)}</Table.Td>
          <Table.Td />
        </>
      )}
    </Table.Tr>
  );
}

/** Precision, recall, F1 and support per class; `counts` adds TP/FP/FN/TN (multi label). */
export const PerClassTable = memo(function PerClassTable({
  table,
  counts = false,
}: {
  table: ClassTable;
  counts?: boolean;
}) {
  return (
    <>
      <Title order={4}>Per-class metrics</Title>
      <Table.ScrollContainer minWidth={480} maxHeight={480} type="native">
        <Table aria-label="Per-class metrics" striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{counts ? 'Label' : 'Class'}</Table.Th>
              <Table.Th scope="col">Precision</Table.Th>
              <Table.Th scope="col">Recall</Table.Th>
              <Table.Th scope="col">F1</Table.Th>
              <Table.Th scope="col">Support</Table.Th>
              {counts &&
                COUNT_HEADERS.map((header) => (
                  <Table.Th scope="col" key={header.short}>
                    <abbr title={header.long}>{header.short}</abbr>
                  </Table.Th>
                ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(table.folded?.shown ?? table.classes).map((row) => (
              <Table.Tr key={row.category}>
                <Table.Th scope="row">{row.category}</Table.Th>
                <Table.Td>{formatPercent(row.precision)}</Table.Td>
                <Table.Td>{formatPercent(row.recall)}</Table.Td>
                <Table.Td>{formatPercent(row.f1)}</Table.Td>
                <Table.Td>{formatCount(row.support)}</Table.Td>
                {counts && (
                  <>
                    <Table.Td>{formatCount(row.tp)}</Table.Td>
                    <Table.Td>{formatCount(row.fp)}</Table.Td>
                    <Table.Td>{formatCount(row.fn)}</Table.Td>
                    <Table.Td>{formatCount(row.tn)}</Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
            {table.folded?.other ? <OtherRow other={table.folded.other} counts={counts} /> : null}
          </Table.Tbody>
          <Table.Tfoot>
            <AverageRow name="Micro average" average={table.micro} counts={counts} />
            <AverageRow name="Macro average" average={table.macro} counts={counts} />
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </>
  );
});
