import { openAsBlob } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hasBlockingProblems } from '../features/documents/import/imported-documents';
import { readImport, type ReadableFile } from '../features/documents/import/read-sources';
import type { ImportResult } from '../features/documents/import/build-import';
import { UsageError } from './cli-args';

async function readable(path: string, name: string): Promise<ReadableFile> {
  const blob = await openAsBlob(path);
  return { name, size: blob.size, stream: () => blob.stream() };
}

/**
 * The documents of --input, read by the app's own import (the same readers, limits and checks
 * as the browser's import dialog): one .csv/.tsv/.jsonl/.json/.txt file, or a folder of files.
 */
export async function readInput(path: string): Promise<ImportResult> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`--input ${path}: no such file or folder.`);
  }
  const files = info.isDirectory()
    ? await Promise.all(
        (await readdir(path, { withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => readable(join(path, entry.name), entry.name)),
      )
    : [await readable(path, basename(path))];
  const result = await readImport(files, undefined);
  if (hasBlockingProblems(result.imported)) {
    const errors = result.imported.problems.filter((problem) => problem.severity === 'error');
    throw new UsageError(`--input ${path}: ${errors.map((problem) => problem.message).join('\n')}`);
  }
  return result;
}
