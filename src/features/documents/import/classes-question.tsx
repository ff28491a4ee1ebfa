import { Alert, Button, Text } from '@mantine/core';
import { formatCount } from '../../../lib/format';
import { SERVICE_CLASS_LIMIT, type ClassesQuestion } from './build-import';

/**
 * More distinct labels than a project can have classes: most likely an id or text column picked as
 * the label. Nothing is used until the user picks another column or confirms these labels.
 */
export function ClassesQuestionAlert({
  question,
  table,
  onConfirm,
}: {
  question: ClassesQuestion;
  /** A table can pick another label column; JSON records cannot. */
  table: boolean;
  onConfirm: () => void;
}) {
  return (
    <Alert color="yellow" variant="light" role="alert" title="Are these really the labels?">
      <Text size="sm">
        {question.source} has {formatCount(question.count)} different values, more than the{' '}
        {formatCount(SERVICE_CLASS_LIMIT)} classes a custom text classification project can have. It
        is probably not a label {table ? 'column' : 'field'} (an id, a text or a date?), and that
        many classes would make the evaluation slow and hard to read.{' '}
        {table ? 'Pick another label column above (or None), or use these labels anyway.' : ''}
      </Text>
      <Button mt="sm" size="xs" variant="default" onClick={onConfirm}>
        Use these {formatCount(question.count)} labels anyway
      </Button>
    </Alert>
  );
}
