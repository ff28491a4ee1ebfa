import { Box, Group, Text } from '@mantine/core';
import { formatConfidence } from '../../lib/format';
import type { ClassScore } from '../../service/model';
import classes from './confidence-bars.module.css';

/**
 * A horizontal bar chart of one document's class confidences. Plain elements instead of an SVG
 * chart library: a table of 200 documents draws 200 of these, and they must stay cheap.
 */
export function ConfidenceBars({
  documentId,
  scores,
}: {
  documentId: string;
  scores: ClassScore[];
}) {
  return (
    <Box role="img" aria-label={`Confidence for ${documentId}`} className={classes.chart}>
      {scores.length === 0 ? (
        <Text size="xs" c="dimmed">
          No class
        </Text>
      ) : (
        scores.map((score) => (
          <Group key={score.category} gap={6} wrap="nowrap" className={classes.row} aria-hidden>
            <Text size="xs" className={classes.label} title={score.category}>
              {score.category}
            </Text>
            <div className={classes.track}>
              <div
                className={classes.bar}
                style={{ width: `${Math.max(0, Math.min(1, score.confidence)) * 100}%` }}
              />
            </div>
            <Text size="xs" className={classes.value}>
              {formatConfidence(score.confidence)}
            </Text>
          </Group>
        ))
      )}
    </Box>
  );
}
