import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { formatCount } from '../../lib/format';
import type { BatchPlan } from '../../service/batching';
import type { BatchSize } from '../../service/limits';
import { useDocumentsActions, useDocumentsDraft, useImportedDocuments } from './documents-store';
import { DocumentImport } from './import/document-import';

interface DocumentsEditorProps {
  size: BatchSize;
  plan: BatchPlan;
  error: string | undefined;
}

function BatchSummary({ size, plan }: { size: BatchSize; plan: BatchPlan }) {
  const jobs = plan.jobs.length;
  return (
    <Text size="sm" c="dimmed" aria-live="polite">
      {formatCount(size.documents)} documents · {formatCount(size.characters)} characters
      {jobs > 1
        ? ` · sent as ${formatCount(jobs)} jobs (at most 25 documents and 125,000 characters each)`
        : ' · one job (up to 25 documents and 125,000 characters)'}
    </Text>
  );
}

/** Documents come from the text box (one per paragraph) or from files; files win while loaded. */
export function DocumentsEditor({ size, plan, error }: DocumentsEditorProps) {
  const draft = useDocumentsDraft();
  const imported = useImportedDocuments();
  const { setDraft, setImported } = useDocumentsActions();
  return (
    <Stack gap="sm">
      {imported ? (
        <Paper withBorder p="sm" role="status">
          <Group justify="space-between">
            <Text size="sm">
              Using {formatCount(imported.documents.length)} documents from{' '}
              <Text span fw={600}>
                {imported.sourceName}
              </Text>
              .
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setImported(undefined)}>
              Use the text box instead
            </Button>
          </Group>
          {error ? (
            <Text size="sm" c="red.8" role="alert">
              {error}
            </Text>
          ) : null}
        </Paper>
      ) : (
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
      )}
      <BatchSummary size={size} plan={plan} />
      <DocumentImport
        onImported={(documents, sourceName) => setImported({ documents, sourceName })}
      />
    </Stack>
  );
}
