import '../../components/data-styles';
import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { memo, useId } from 'react';
import { formatCount } from '../../lib/format';
import type { LabelMode } from '../../service/model';
import classes from './evaluation.module.css';
import { formatPercent } from './format-metric';
import { binName } from './calibration-bins';
import type { Calibration } from './statistics/calibration';

const SIZE = 220;
const PAD = 30;
const LABEL_ROOM = 10;
const at = (share: number) => PAD + share * (SIZE - 2 * PAD);
const up = (share: number) => SIZE - PAD - share * (SIZE - 2 * PAD);

const orDash = (value: number | undefined) => (value === undefined ? '—' : formatPercent(value));

/** The reliability diagram: each bin's accuracy as a bar at its mean confidence, and the diagonal. */
function ReliabilityDiagram({ calibration }: { calibration: Calibration }) {
  const summaryId = useId();
  const width = (SIZE - 2 * PAD) / calibration.bins.length;
  return (
    <>
      <svg
        role="img"
        aria-label="Reliability diagram: accuracy against confidence"
        aria-describedby={summaryId}
        // Room on the left for the whole of "100%", which ends just before the axis.
        viewBox={`${-LABEL_ROOM} 0 ${SIZE + LABEL_ROOM} ${SIZE}`}
        className={classes.chart}
      >
        <g aria-hidden>
          {calibration.bins.map((bin) =>
            bin.accuracy === undefined ? null : (
              <rect
                key={bin.low}
                className={classes.bar}
                x={at(bin.low) + 1}
                y={up(bin.accuracy)}
                width={width - 2}
                height={up(0) - up(bin.accuracy)}
              />
            ),
          )}
          <line className={classes.axis} x1={at(0)} y1={up(0)} x2={at(1)} y2={up(0)} />
          <line className={classes.axis} x1={at(0)} y1={up(0)} x2={at(0)} y2={up(1)} />
          <line className={classes.ideal} x1={at(0)} y1={up(0)} x2={at(1)} y2={up(1)} />
          {[0, 0.5, 1].map((tick) => (
            <g key={tick}>
              <text className={classes.tick} x={at(tick)} y={SIZE - 12} textAnchor="middle">
                {tick * 100}%
              </text>
              <text className={classes.tick} x={PAD - 4} y={up(tick) + 3} textAnchor="end">
                {tick * 100}%
              </text>
            </g>
          ))}
        </g>
      </svg>
      <VisuallyHidden id={summaryId}>
        {calibration.bins
          .filter((bin) => bin.count > 0)
          .map(
            (bin) =>
              `Confidence ${binName(bin)}: ${formatCount(bin.count)}, accuracy ${orDash(bin.accuracy)}`,
          )
          .join('. ')}
        .
      </VisuallyHidden>
    </>
  );
}

/**
 * Whether a confidence of 0.8 means 80% right: the reliability diagram and table over 10 bins,
 * with the expected and maximum calibration error.
 */
export const CalibrationPanel = memo(function CalibrationPanel({
  calibration,
  labelMode,
}: {
  calibration: Calibration | undefined;
  labelMode: LabelMode;
}) {
  const headingId = useId();
  const unit = labelMode === 'single' ? 'Documents' : 'Decisions';
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Calibration
        </Title>
        {!calibration ? (
          <Text size="sm" c="dimmed" role="status">
            Working out the calibration…
          </Text>
        ) : calibration.decisions === 0 ? (
          <Text size="sm">No labelled document has a confidence yet.</Text>
        ) : (
          <>
            <Text size="sm">
              Expected calibration error <strong>{formatPercent(calibration.ece)}</strong>, maximum
              calibration error <strong>{formatPercent(calibration.mce)}</strong>, over{' '}
              {formatCount(calibration.decisions)}{' '}
              {labelMode === 'single' ? 'documents (top class)' : '(document, class) decisions'}. A
              well calibrated model is right as often as it is confident: its bars meet the
              diagonal.
            </Text>
            <ReliabilityDiagram calibration={calibration} />
            <Table.ScrollContainer minWidth={360} type="native">
              <Table aria-label="Reliability by confidence" maw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Confidence</Table.Th>
                    <Table.Th scope="col">{unit}</Table.Th>
                    <Table.Th scope="col">Mean confidence</Table.Th>
                    <Table.Th scope="col">Accuracy</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {calibration.bins.map((bin) => (
                    <Table.Tr key={bin.low}>
                      <Table.Th scope="row">{binName(bin)}</Table.Th>
                      <Table.Td>{formatCount(bin.count)}</Table.Td>
                      <Table.Td>{orDash(bin.confidence)}</Table.Td>
                      <Table.Td>{orDash(bin.accuracy)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </section>
  );
});
