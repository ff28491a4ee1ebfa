import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { blobOfChunks, downloadFile } from './download-file';
import { EXPORT_KINDS, EXPORTS, type ExportKind, type ExportSource } from './export-files';

/** One button a file; each shows while its file is being written, and says so if it fails. */
export function ExportButtons(source: ExportSource) {
  return (
    <Group gap="xs">
      {EXPORT_KINDS.map((kind) => (
        <ExportButton key={kind} kind={kind} source={source} />
      ))}
    </Group>
  );
}

interface ExportButtonProps {
  kind: ExportKind;
  source: ExportSource;
}

function ExportButton({ kind, source }: ExportButtonProps) {
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
