import type { ResultItem, ResultMark, ResultsRunSettings } from '../result-item';
import { exportFileName } from './export-file-name';
import { labelsCsvChunks, resultsCsvChunks } from './results-csv';
import { resultsJsonChunks } from './results-json';

/** What the exports are written from: the results as they stand at the click. */
export interface ExportSource {
  /** In input order: the files keep it, whatever the table's sort. */
  items: readonly ResultItem[];
  settings: ResultsRunSettings;
  marks: ReadonlyMap<string, ResultMark> | undefined;
  /** False while a batch is still running; what is done so far can be downloaded all the same. */
  complete: boolean;
}

/** A file to download, written a chunk at a time as `chunks` is read. */
interface ExportFile {
  name: string;
  type: string;
  chunks: Iterable<string>;
}

interface ExportProfile {
  /** The button's accessible name, which the e2e tests find it by. */
  label: string;
  /** What the file is for, where the label does not say. */
  description?: string;
  /** Said beside the buttons, for what a user must know before using the file. */
  note?: string;
  /** Says what failed, for the alert beside the buttons. */
  failure: string;
  file(source: ExportSource, now: Date): ExportFile;
}

const CSV = 'text/csv;charset=utf-8';

// Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
function* withBom(chunks: Iterable<string>): Generator<string, void, undefined> {
  yield '\uFEFF';
  yield* chunks;
}

export const EXPORT_KINDS = ['csv', 'json', 'labels'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORTS: Record<ExportKind, ExportProfile> = {
  csv: {
    label: 'Download CSV',
    failure: 'The CSV file could not be written',
    file: ({ items, settings }, now) => ({
      name: exportFileName('csv', now),
      type: CSV,
      chunks: withBom(resultsCsvChunks(items, settings)),
    }),
  },
  json: {
    label: 'Download JSON',
    failure: 'The JSON file could not be written',
    file: ({ items, settings, marks, complete }, now) => ({
      name: exportFileName('json', now),
      type: 'application/json',
      chunks: resultsJsonChunks(items, settings, { complete, exportedAt: now }, marks),
    }),
  },
  labels: {
    label: 'Download labels',
    description:
      'id, text and label (the correction, else the gold label), for the documents import',
    note: 'Download labels keeps every text byte for byte, to import again; Download CSV guards formulas for spreadsheets.',
    failure: 'The labels file could not be written',
    file: ({ items }, now) => ({
      name: exportFileName('csv', now, 'labels'),
      type: CSV,
      chunks: withBom(labelsCsvChunks(items)),
    }),
  },
};
