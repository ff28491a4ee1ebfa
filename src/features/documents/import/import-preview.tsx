import { Badge, Group, Stack, Text } from '@mantine/core';
import { previewText, type ImportedDocument } from './imported-documents';

const SHOWN = 3;

/**
 * The first few documents, enough to see that the right columns were taken; each cut to its start,
 * so a document of megabytes never lands in the page.
 */
export function ImportPreview({ documents }: { documents: ImportedDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <Stack gap={4} aria-label="First documents" role="list">
      {documents.slice(0, SHOWN).map((document, index) => (
        <Group key={index} gap="xs" wrap="nowrap" role="listitem">
          <Text size="xs" fw={600} style={{ flex: 'none' }}>
            {document.id ? previewText(document.id, 60) : '(no id)'}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>
            {previewText(document.text)}
          </Text>
          {document.labels?.map((label) => (
            // Class names are case-sensitive: shown as written, not in the badge's capitals.
            <Badge key={label} size="xs" variant="light" tt="none" style={{ flex: 'none' }}>
              {previewText(label, 60)}
            </Badge>
          ))}
        </Group>
      ))}
    </Stack>
  );
}
