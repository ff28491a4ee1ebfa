import '../../../lib/zod-config';
import { z } from 'zod';
import type { ImportResult } from './build-import';
import type { ImportedDocument } from './imported-documents';

/**
 * Files go to the worker and documents come back in groups: copying thousands of files or
 * documents in one message is one long task on the main thread.
 */
export const FILES_PER_MESSAGE = 50;
export const DOCUMENTS_PER_MESSAGE = 5_000;

const columnChoice = z.object({
  textColumn: z.number().int(),
  idColumn: z.number().int().optional(),
  labelColumn: z.number().int().optional(),
  languageColumn: z.number().int().optional(),
});

export const importRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('files'), files: z.array(z.instanceof(File)) }),
  z.object({ type: z.literal('start'), choice: columnChoice.optional() }),
]);

export type ImportRequest = z.input<typeof importRequest>;

export type ImportReply =
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'documents'; documents: ImportedDocument[] }
  /** The result, its documents already sent in the messages before. */
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; message: string };
