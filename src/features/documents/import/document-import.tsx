import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../lib/format';
import { MAX_CLASSES_PER_PROJECT } from '../../../service/limits';
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

/** A chosen file that cannot be used, and why. */
interface RefusedFile {
  sourceName: string;
  problems: string[];
}

interface DocumentImportProps {
  /** Called as soon as a file's documents can be used: they are then the document set. */
  onImported: (imported: { documents: ImportedDocument[]; sourceName: string }) => void;
  /** The file refused last, as kept across reloads; shown while this panel has nothing newer. */
  refused: RefusedFile | undefined;
  /** Called when a chosen file is refused, and with undefined when the user removes it. */
  onRefused: (refused: RefusedFile | undefined) => void;
}

const errorsOf = (result: ImportResult) =>
  result.imported.problems.flatMap((problem) =>
    problem.severity === 'error' ? [problem.message] : [],
  );

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

const namesOf = (files: File[]) =>
  files.length === 1 ? (files[0]?.name ?? 'the file') : `${formatCount(files.length)} files`;

function usable({ imported }: ImportResult): boolean {
  return imported.documents.length > 0 && !hasBlockingProblems(imported);
}

/** Why Submit waits for this file: its errors, or labels that need the user's word first. */
function holdOf(result: ImportResult): string[] | undefined {
  if (!usable(result)) return errorsOf(result);
  const question = result.classesQuestion;
  if (!question) return undefined;
  return [
    `${formatCount(question.count)} different labels in ${question.source}, more than a project's ${MAX_CLASSES_PER_PROJECT} classes: pick another column or use these labels.`,
  ];
}

export function DocumentImport({ onImported, refused, onRefused }: DocumentImportProps) {
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
          // Blocking problems, or labels that need a second look, apply nothing yet: the
          // documents in use stay as they were, and Submit waits (told first, so the panel never
          // shows a refusal the store does not hold).
          const hold = holdOf(result);
          if (hold) onRefused({ sourceName: result.sourceName, problems: hold });
          setState({ files, result });
          if (!hold) apply(result);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const failure = error instanceof Error ? error.message : String(error);
          onRefused({ sourceName: namesOf(files), problems: [failure] });
          setState({ files, failure });
        },
      );
  };

  const apply = (result: ImportResult) =>
    onImported({ documents: result.imported.documents, sourceName: result.sourceName });

  const clear = () => {
    reading.current?.abort();
    setState(EMPTY);
    onRefused(undefined);
  };

  const { result, progress, failure, confirmed } = state;
  const count = result?.imported.documents.length ?? 0;
  const busy = progress !== undefined;
  const blocked = result !== undefined && (hasBlockingProblems(result.imported) || count === 0);
  // The refusal was dropped elsewhere (Try the demo, Use the text box instead): so is its file.
  if ((blocked || failure) && !busy && !refused) setState(EMPTY);
  // After a reload only the refusal is left of the file: it stays until removed or replaced.
  const kept = !result && !failure && !busy ? refused : undefined;

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
        <Text c="var(--mantine-color-red-text)" size="sm" role="alert">
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
          {/* Not while the file is read again (another column picked): the answer would go to
              the old reading, and the new one would ask again behind it. */}
          {result.classesQuestion && usable(result) && !confirmed && !busy ? (
            <ClassesQuestionAlert
              question={result.classesQuestion}
              table={result.table !== undefined}
              onConfirm={() => {
                setState((previous) => ({ ...previous, confirmed: true }));
                onRefused(undefined);
                apply(result);
              }}
            />
          ) : null}
          <ImportProblems problems={result.imported.problems} />
        </>
      ) : null}
      {kept ? (
        <ImportProblems
          problems={kept.problems.map((message) => ({ severity: 'error', message }))}
          title={`${kept.sourceName} cannot be used yet`}
        />
      ) : null}
      {(blocked || failure || kept) && !busy ? (
        <Group gap="sm">
          <Button variant="default" onClick={clear}>
            Remove the file
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
