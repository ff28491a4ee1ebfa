import { Group, Stack, Text, Textarea } from '@mantine/core';
import { formatCount } from '../../lib/format';
import {
  MAX_CHARACTERS_PER_JOB,
  MAX_DOCUMENTS_PER_JOB,
  type BatchSize,
} from '../../service/limits';
import { useDocumentsActions, useDocumentsDraft } from './documents-store';

interface DocumentsEditorProps {
  size: BatchSize;
  error: string | undefined;
}

function Counter({ value, limit, unit }: { value: number; limit: number; unit: string }) {
  const over = value > limit;
  return (
    <Text size="sm" c={over ? 'red.7' : 'dimmed'} fw={over ? 600 : 400}>
      {formatCount(value)} / {formatCount(limit)} {unit}
    </Text>
  );
}

export function DocumentsEditor({ size, error }: DocumentsEditorProps) {
  const draft = useDocumentsDraft();
  const { setDraft } = useDocumentsActions();
  return (
    <Stack gap={4}>
      <Textarea
        label="Documents"
        description="One document per paragraph: separate documents with a blank line. They are sent as doc1, doc2, …"
        placeholder={'First document…\n\nSecond document…'}
        autosize
        minRows={8}
        maxRows={20}
        value={draft}
        error={error}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      <Group gap="lg" aria-live="polite">
        <Counter value={size.documents} limit={MAX_DOCUMENTS_PER_JOB} unit="documents" />
        <Counter value={size.characters} limit={MAX_CHARACTERS_PER_JOB} unit="characters" />
      </Group>
    </Stack>
  );
}
