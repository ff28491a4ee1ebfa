import '../../components/data-styles';
import { Table, Title } from '@mantine/core';
import { memo } from 'react';
import { formatCount } from '../../lib/format';
import type { Averages, ClassTable, OtherClasses } from './class-metrics';
import classes from './evaluation.module.css';
import { formatPercent } from './format-metric';
import type { AverageIntervals, BootstrapIntervals } from './statistics/bootstrap';
import { wilsonInterval, type Interval } from './statistics/wilson';

/** A share with its 95% interval under it, one decimal like the share. */
function WithInterval({ value, interval }: { value: number; interval: Interval | undefined }) {
  return (
    <>
      {formatPercent(value)}
      {interval ? (
        <span className={classes.cellInterval}>
          {formatPercent(interval.low).replace('%', '')}–{formatPercent(interval.high)}
        </span>
      ) : null}
    </>
  );
}

const COUNT_HEADERS = [
  { short: 'TP', long: 'True positives' },
  { short: 'FP', long: 'False positives' },
  { short: 'FN', long: 'False negatives' },
  { short: 'TN', long: 'True negatives' },
];

function AverageRow({
  name,
  average,
  intervals,
  counts,
}: {
  name: string;
  average: Averages;
  intervals: AverageIntervals | undefined;
  counts: boolean;
}) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td>
        <WithInterval value={average.precision} interval={intervals?.precision} />
      </Table.Td>
      <Table.Td>
        <WithInterval value={average.recall} interval={intervals?.recall} />
      </Table.Td>
      <Table.Td>
        <WithInterval value={average.f1} interval={intervals?.f1} />
      </Table.Td>
      <Table.Td>{formatCount(average.support)}</Table.Td>
      {counts && <Table.Td colSpan={COUNT_HEADERS.length} />}
    </Table.Tr>
  );
}

/** The less frequent classes summed: their micro precision and recall (with intervals) and F1. */
function OtherRow({ other, counts }: { other: OtherClasses; counts: boolean }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">Other ({formatCount(other.classes)} classes)</Table.Th>
      <Table.Td>
        <WithInterval
          value={other.precision}
          interval={wilsonInterval(other.tp, other.tp + other.fp)}
        />
      </Table.Td>
      <Table.Td>
        <WithInterval
          value={other.recall}
          interval={wilsonInterval(other.tp, other.tp + other.fn)}
        />
      </Table.Td>
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

/**
 * Precision, recall, F1 and support per class; `counts` adds TP/FP/FN/TN (multi label). Precision
 * and recall carry their Wilson interval; F1 and the averages their bootstrap interval once
 * `bootstrap` has come.
 */
export const PerClassTable = memo(function PerClassTable({
  table,
  counts = false,
  bootstrap,
}: {
  table: ClassTable;
  counts?: boolean;
  bootstrap?: BootstrapIntervals | undefined;
}) {
  return (
    <>
      <Title order={4}>Per-class metrics</Title>
      <Table.ScrollContainer minWidth={480} maxHeight={480} type="native">
        <Table aria-label="Per-class metrics" striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{counts ? 'Label' : 'Class'}</Table.Th>
              <Table.Th scope="col">Precision (95% CI)</Table.Th>
              <Table.Th scope="col">Recall (95% CI)</Table.Th>
              <Table.Th scope="col">F1 (95% CI)</Table.Th>
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
                <Table.Td>
                  <WithInterval
                    value={row.precision}
                    interval={wilsonInterval(row.tp, row.tp + row.fp)}
                  />
                </Table.Td>
                <Table.Td>
                  <WithInterval
                    value={row.recall}
                    interval={wilsonInterval(row.tp, row.tp + row.fn)}
                  />
                </Table.Td>
                <Table.Td>
                  <WithInterval value={row.f1} interval={bootstrap?.classF1[row.category]} />
                </Table.Td>
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
            <AverageRow
              name="Micro average"
              average={table.micro}
              intervals={bootstrap?.micro}
              counts={counts}
            />
            <AverageRow
              name="Macro average"
              average={table.macro}
              intervals={bootstrap?.macro}
              counts={counts}
            />
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </>
  );
});
