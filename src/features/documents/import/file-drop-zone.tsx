import { Button, Stack, Text } from '@mantine/core';
import { useId, useState, type DragEvent } from 'react';
import { ACCEPTED_EXTENSIONS } from './accepted-files';
import classes from './document-import.module.css';

interface FileDropZoneProps {
  onFiles: (files: File[]) => void;
}

/** A real file input with a visible label; dropping files on the zone is a shortcut to the same. */
export function FileDropZone({ onFiles }: FileDropZoneProps) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))
      return;
    setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    // Dropping is a pointer shortcut; the labelled file input inside is the way for everyone.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="group"
      aria-label="Files to import"
      className={classes.zone}
      data-active={dragging || undefined}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <Stack gap={6} align="center">
        <Text size="sm">Drop files here, or</Text>
        <input
          id={inputId}
          className={classes.input}
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS.join(',')}
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            // Cleared so that choosing the same file again reads it again.
            event.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        <Button component="label" htmlFor={inputId} variant="light" className={classes.choose}>
          Choose files
        </Button>
        <Text size="xs" c="dimmed">
          Many .txt files (one document each, named by the file), a .csv or .tsv table, or .jsonl /
          .json with {'{"id", "text"}'} records
        </Text>
      </Stack>
    </div>
  );
}
