import { Button, Group, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { blobOfChunks, downloadFile } from './download-file';
import { EXPORT_KINDS, EXPORTS, type ExportKind, type ExportSource } from './export-files';

/**
 * One button a file; each shows while its file is being written, and says so if it fails. What
 * sets the labels file apart (texts byte for byte) is said beside it, not only in a tooltip.
 */
export function ExportButtons(source: ExportSource) {
  const noteId = useId();
  return (
    <Stack gap={2} align="flex-end">
      <Group gap="xs">
        {EXPORT_KINDS.map((kind) => (
          <ExportButton
            key={kind}
            kind={kind}
            source={source}
            describedBy={EXPORTS[kind].note ? noteId : undefined}
          />
        ))}
      </Group>
      {EXPORT_KINDS.map((kind) =>
        EXPORTS[kind].note ? (
          <Text key={kind} id={noteId} size="xs" c="dimmed" ta="right">
            {EXPORTS[kind].note}
          </Text>
        ) : null,
      )}
    </Stack>
  );
}

interface ExportButtonProps {
  kind: ExportKind;
  source: ExportSource;
  describedBy: string | undefined;
}

function ExportButton({ kind, source, describedBy }: ExportButtonProps) {
  const profile = EXPORTS[kind];
  const [writing, setWriting] = useState(false);
  const [failure, setFailure] = useState<string>();

  const write = async () => {
    // A loading button is disabled too; this is for a click that was already on its way.
    if (writing) return;
    setWriting(true);
    setFailure(undefined);
    try {
      const file = profile.file(source, new Date());
      downloadFile(await blobOfChunks(file.chunks, file.type), file.name);
    } catch (error) {
      setFailure(`${profile.failure}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setWriting(false);
    }
  };

  return (
    <>
      <Button
        variant="default"
        size="xs"
        disabled={source.items.length === 0}
        loading={writing}
        title={profile.description}
        aria-describedby={describedBy}
        onClick={() => void write()}
      >
        {profile.label}
      </Button>
      {failure && (
        <Text role="alert" size="xs" c="red">
          {failure}
        </Text>
      )}
    </>
  );
}
