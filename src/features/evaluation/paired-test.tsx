import { Stack, Table, Text, Title } from '@mantine/core';
import { formatCount } from '../../lib/format';
import { formatPercent } from './format-metric';
import { differenceSentence, formatPValue, mcnemarExact } from './statistics/mcnemar';
import type { PairedCounts } from './statistics/paired-outcomes';
import { formatInterval, type Interval } from './statistics/wilson';

export interface PairedTestProps {
  counts: PairedCounts & { paired: number };
  /** Accuracy of this run − the other's, with its paired-bootstrap interval once it has come. */
  difference: Interval | undefined;
  names: { thisRun: string; otherRun: string };
}

/** Is the difference real: both runs' outcomes per document, McNemar's exact test, in words. */
export function PairedTest({ counts, difference, names }: PairedTestProps) {
  const { paired, bothRight, onlyThis, onlyOther, bothWrong } = counts;
  const p = mcnemarExact(onlyThis, onlyOther);
  const accuracyDifference = paired === 0 ? 0 : (onlyThis - onlyOther) / paired;
  const signed = `${accuracyDifference > 0 ? '+' : accuracyDifference < 0 ? '−' : '±'}${formatPercent(Math.abs(accuracyDifference))}`;
  const rows: [string, number][] = [
    ['Both right', bothRight],
    [`Only this run (${names.thisRun}) right`, onlyThis],
    [`Only the other run (${names.otherRun}) right`, onlyOther],
    ['Both wrong', bothWrong],
  ];
  return (
    <Stack gap="sm">
      <Title order={4}>Is the difference real?</Title>
      <Text size="sm">
        Over the {formatCount(paired)} documents both runs have a result and a label for:
      </Text>
      <Table aria-label="Paired outcomes" maw={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Documents</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([name, count]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row">{name}</Table.Th>
              <Table.Td>{formatCount(count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        McNemar p {formatPValue(p, 3)} (exact, two-sided, on the {formatCount(onlyThis + onlyOther)}{' '}
        documents only one run gets right). Accuracy difference (this run − other): {signed}
        {difference ? ` (${formatInterval(difference)}, paired bootstrap)` : ''}.
      </Text>
      <Text fw={600}>{differenceSentence(p, onlyThis, onlyOther, names)}.</Text>
    </Stack>
  );
}
