import '../../components/overlay-styles';
import '../../components/data-styles';
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useId } from 'react';
import { formatCount } from '../../lib/format';
import type { RunComparison } from './compare-runs';
import { CountGrid } from './count-grid';
import type { Bucket } from './count-matrix';
import type { Evaluation } from './evaluate';
import { evaluationFigures } from './evaluation-figures';
import { documentsCount, formatPercent } from './format-metric';
import { PairedTest, type PairedTestProps } from './paired-test';
import { formatInterval, wilsonInterval } from './statistics/wilson';

/** A cell of `Changes between runs`: documents with this class here and that one in the other run. */
export interface ChangeCell {
  thisRun: Bucket;
  otherRun: Bucket;
}

interface CompareRunsProps {
  /** The other runs that share this run's document ids. */
  options: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** The comparison with the chosen run, once there is one. */
  comparison: RunComparison | undefined;
  selectedCell: ChangeCell | undefined;
  onSelectCell: (cell: ChangeCell) => void;
  /** The paired test, when the shared documents have labels. */
  paired?: PairedTestProps | undefined;
}

function BothRunsMetrics({
  thisRun,
  otherRun,
  otherName,
  threshold,
}: {
  thisRun: Evaluation;
  otherRun: Evaluation;
  otherName: string;
  threshold: number;
}) {
  const here = evaluationFigures(thisRun, threshold);
  const there = evaluationFigures(otherRun, threshold);
  return (
    <Table aria-label="Metrics of both runs" maw={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Metric</Table.Th>
          <Table.Th scope="col">This run</Table.Th>
          <Table.Th scope="col">{otherName}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {here.map((figure, index) => (
          <Table.Tr key={figure.name}>
            <Table.Th scope="row">{figure.name}</Table.Th>
            <Table.Td>{figure.value}</Table.Td>
            <Table.Td>{there[index]?.value}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">Macro F1</Table.Th>
          <Table.Td>{formatPercent(thisRun.macro.f1)}</Table.Td>
          <Table.Td>{formatPercent(otherRun.macro.f1)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

export function CompareRuns({
  options,
  value,
  onChange,
  comparison,
  selectedCell,
  onSelectCell,
  paired,
}: CompareRunsProps) {
  const headingId = useId();
  const otherName = options.find((option) => option.value === value)?.label ?? 'the other run';
  // Multi label places documents by their top class, so the diagonal only says that is the same.
  const sameWord = comparison?.labelMode === 'multi' ? ', same top class' : ', unchanged';
  const cellName = useCallback(
    (count: number, here: string, there: string, same: boolean) =>
      `${documentsCount(count)} ${here} in this run, ${there} in ${otherName}${same ? sameWord : ''}`,
    [otherName, sameWord],
  );
  const onSelect = useCallback(
    (row: Bucket, column: Bucket) => onSelectCell({ thisRun: row, otherRun: column }),
    [onSelectCell],
  );
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId}>
          Compare runs
        </Title>
        <Select
          label="Compare with"
          placeholder={options.length === 0 ? 'No other run of these documents' : 'Choose a run'}
          data={options}
          value={value}
          onChange={onChange}
          disabled={options.length === 0}
          clearable
          maw={360}
        />
        {comparison && (
          <>
            <Text>
              Agreement: <strong>{formatPercent(comparison.agreement)}</strong>{' '}
              {comparison.shared > 0
                ? `(${formatInterval(wilsonInterval(comparison.agreed, comparison.shared))}) `
                : ''}
              ({formatCount(comparison.agreed)} of {documentsCount(comparison.shared)} in both runs
              have the same {comparison.labelMode === 'multi' ? 'classes' : 'class'})
            </Text>
            <Title order={4}>Changes between runs</Title>
            <CountGrid
              name="Changes between runs"
              matrix={comparison.changes}
              rowAxis={comparison.labelMode === 'multi' ? 'This run (top class)' : 'This run'}
              columnAxis={comparison.labelMode === 'multi' ? `${otherName} (top class)` : otherName}
              cellName={cellName}
              selected={
                selectedCell && { row: selectedCell.thisRun, column: selectedCell.otherRun }
              }
              onSelect={onSelect}
            />
            {comparison.metrics && (
              <BothRunsMetrics
                {...comparison.metrics}
                otherName={otherName}
                threshold={comparison.threshold}
              />
            )}
            {paired && paired.counts.paired > 0 ? <PairedTest {...paired} /> : null}
          </>
        )}
      </Stack>
    </section>
  );
}
