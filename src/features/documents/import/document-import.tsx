import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../lib/format';
import { deferred } from '../../../components/deferred';
import type { ImportResult } from './build-import';
import { FileDropZone } from './file-drop-zone';
import { hasBlockingProblems, type ImportedDocument } from './imported-documents';
import type { ColumnChoice } from './table-documents';

// The readers (CSV, JSON, the worker) and what shows their result load once a file is chosen:
// the first screen needs only the drop zone.
const readFiles = () => import('./import-files').then(({ importFiles }) => importFiles);
const ColumnPicker = deferred(() =>
  import('./column-picker').then(({ ColumnPicker }) => ColumnPicker),
);
const ImportPreview = deferred(() =>
  import('./import-preview').then(({ ImportPreview }) => ImportPreview),
);
const ClassesQuestionAlert = deferred(() =>
  import('./classes-question').then(({ ClassesQuestionAlert }) => ClassesQuestionAlert),
);
const ImportProblems = deferred(() =>
  import('./import-problems').then(({ ImportProblems }) => ImportProblems),
);

export interface DocumentImportProps {
  /** Called as soon as a file's documents can be used: they are then the document set. */
  onImported: (imported: { documents: ImportedDocument[]; sourceName: string }) => void;
}

interface ImportState {
  files: File[];
  result?: ImportResult;
  /** The user chose to use labels that outnumber a project's classes. */
  confirmed?: boolean;
  /** Share of the bytes read, while reading. */
  progress?: number;
  failure?: string;
}

const EMPTY: ImportState = { files: [] };

function usable({ imported }: ImportResult): boolean {
  return imported.documents.length > 0 && !hasBlockingProblems(imported);
}

export function DocumentImport({ onImported }: DocumentImportProps) {
  const [state, setState] = useState<ImportState>(EMPTY);
  const reading = useRef<AbortController>(undefined);
  // A read still going when the import is closed must not make its documents the set.
  useEffect(() => () => reading.current?.abort(), []);

  const read = (files: File[], choice?: ColumnChoice) => {
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    // A new column choice keeps the last result on screen until the new one is ready.
    setState((previous) => ({
      files,
      progress: 0,
      ...(choice ? { result: previous.result } : {}),
    }));
    readFiles()
      .then((importFiles) =>
        importFiles(files, {
          choice,
          signal: controller.signal,
          onProgress: (loaded, total) =>
            setState((previous) => ({ ...previous, progress: total > 0 ? loaded / total : 1 })),
        }),
      )
      .then(
        (result) => {
          if (controller.signal.aborted) return;
          setState({ files, result });
          // Blocking problems, or labels that need a second look, apply nothing yet: the
          // documents in use stay as they were.
          if (usable(result) && !result.classesQuestion) apply(result);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ files, failure: error instanceof Error ? error.message : String(error) });
        },
      );
  };

  const apply = (result: ImportResult) =>
    onImported({ documents: result.imported.documents, sourceName: result.sourceName });

  const clear = () => {
    reading.current?.abort();
    setState(EMPTY);
  };

  const { result, progress, failure, confirmed } = state;
  const count = result?.imported.documents.length ?? 0;
  const busy = progress !== undefined;
  const blocked = result !== undefined && (hasBlockingProblems(result.imported) || count === 0);

  return (
    <Stack gap="sm">
      <FileDropZone onFiles={(files) => read(files)} />
      {busy ? (
        <Progress
          value={progress * 100}
          aria-label={`Reading ${state.files.length === 1 ? (state.files[0]?.name ?? 'file') : `${formatCount(state.files.length)} files`}`}
          animated
        />
      ) : null}
      {failure ? (
        <Text c="red.8" size="sm" role="alert">
          {failure}
        </Text>
      ) : null}
      {result?.table ? (
        <ColumnPicker
          columns={result.table.columns}
          choice={result.table.choice}
          disabled={busy}
          onChange={(choice) => read(state.files, choice)}
        />
      ) : null}
      {result ? (
        <>
          <ImportPreview documents={result.imported.documents} />
          {result.classesQuestion && usable(result) && !confirmed ? (
            <ClassesQuestionAlert
              question={result.classesQuestion}
              table={result.table !== undefined}
              onConfirm={() => {
                setState((previous) => ({ ...previous, confirmed: true }));
                apply(result);
              }}
            />
          ) : null}
          <ImportProblems problems={result.imported.problems} />
        </>
      ) : null}
      {(blocked || failure) && !busy ? (
        <Group gap="sm">
          <Button variant="default" onClick={clear}>
            Clear
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
