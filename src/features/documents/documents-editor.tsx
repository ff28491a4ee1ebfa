import { Button, Group, Loader, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { formatCount } from '../../lib/format';
import type { BatchPlan } from '../../service/batching';
import type { BatchSize } from '../../service/limits';
import { describeBatch, documentsWord, type BatchWords } from './batch-check';
import {
  useDocumentsActions,
  useDocumentsDraft,
  useDocumentsRestoring,
  useImportedDocuments,
  useImportNotice,
  useRefusedImport,
} from './documents-store';
import classes from './documents-editor.module.css';
import { DocumentImport } from './import/document-import';

interface DocumentsEditorProps {
  size: BatchSize;
  plan: BatchPlan;
  error: string | undefined;
}

const TONE_COLOR: Record<BatchWords['tone'], string> = {
  ok: 'dimmed',
  empty: 'dimmed',
  warning: 'var(--mantine-color-orange-text)',
  blocked: 'var(--mantine-color-red-text)',
};

/** What Submit sends, and what stands in the way, as the documents change. */
function BatchSummary({ size, plan }: { size: BatchSize; plan: BatchPlan }) {
  const { jobs, tone } = describeBatch(plan);
  return (
    <Text size="sm" c={TONE_COLOR[tone]} aria-live="polite">
      {documentsWord(size.documents)}
      {size.documents > 0 ? ` · ${formatCount(size.characters)} characters` : ''} · {jobs}
    </Text>
  );
}

/**
 * One document set: the text box (one document per paragraph), or the documents of the files
 * last imported, from the moment they are read; the counter always shows what Submit sends.
 */
export function DocumentsEditor({ size, plan, error }: DocumentsEditorProps) {
  const draft = useDocumentsDraft();
  const imported = useImportedDocuments();
  const restoring = useDocumentsRestoring();
  const notice = useImportNotice();
  const refused = useRefusedImport();
  const { setDraft, setImported, switchToTextBox, setRefused } = useDocumentsActions();
  // A new key closes the import panel (its files, columns and preview) when the imported set goes,
  // from here or from outside (Try the demo).
  const [importKey, setImportKey] = useState(0);
  const [shownImport, setShownImport] = useState(imported);
  if (shownImport !== imported) {
    setShownImport(imported);
    if (shownImport && !imported) setImportKey((key) => key + 1);
  }
  return (
    <Stack gap="sm">
      {restoring ? (
        <Paper withBorder p="sm" role="status">
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Restoring the imported documents…</Text>
          </Group>
        </Paper>
      ) : imported ? (
        <Paper withBorder p="sm" role="status">
          <Group justify="space-between">
            <Text size="sm">
              Using {formatCount(imported.documents.length)}{' '}
              {imported.documents.length === 1 ? 'document' : 'documents'} from{' '}
              <Text span fw={600}>
                {imported.sourceName}
              </Text>
              .
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={switchToTextBox}>
              Use the text box instead
            </Button>
          </Group>
          {error ? (
            <Text size="sm" c="var(--mantine-color-red-text)" role="alert">
              {error}
            </Text>
          ) : null}
        </Paper>
      ) : (
        <Textarea
          label="Documents"
          description="One document per paragraph: separate documents with a blank line. They are sent as doc1, doc2, …"
          placeholder={'First document…\n\nSecond document…'}
          classNames={{ input: classes.documents }}
          value={draft}
          error={error}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
      )}
      {notice ? (
        <Text size="sm" c="var(--mantine-color-orange-text)" role="status">
          {notice}
        </Text>
      ) : null}
      {restoring ? null : <BatchSummary size={size} plan={plan} />}
      <DocumentImport
        key={importKey}
        onImported={setImported}
        refused={refused}
        onRefused={setRefused}
      />
    </Stack>
  );
}
