import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ImportedDocument } from './imported-documents';

const SHOWN = 3;

/** The first few documents, enough to see that the right columns were taken. */
export function ImportPreview({ documents }: { documents: ImportedDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <Stack gap={4} aria-label="First documents" role="list">
      {documents.slice(0, SHOWN).map((document, index) => (
        <Group key={index} gap="xs" wrap="nowrap" role="listitem">
          <Text size="xs" fw={600} style={{ flex: 'none' }}>
            {document.id || '(no id)'}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>
            {document.text}
          </Text>
          {document.label ? (
            <Badge size="xs" variant="light">
              {document.label}
            </Badge>
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}
