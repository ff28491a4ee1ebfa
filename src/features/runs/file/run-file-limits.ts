/**
 * How big a run file may be. The largest run the app is measured on has 100,000 documents (about
 * 30 MB as a run file); these leave ten times that room and stay within what one tab can parse:
 * Chromium's longest string is just under 512 MiB, and JSON.parse needs several times the text.
 */
export interface RunFileLimits {
  /** The file as chosen, gzipped or not: checked before a byte is read. */
  maxFileBytes: number;
  /** The JSON text once gunzipped: the reading stops as soon as it passes this. */
  maxTextBytes: number;
  /** Documents (and jobs, results, corrections: none can outnumber the documents). */
  maxDocuments: number;
  /** Entries of any smaller list or object in the file (a document's metadata, a result's classes). */
  maxInnerEntries: number;
  /** How deeply the file may nest: a run file nests 5 levels deep. */
  maxDepth: number;
}

const MIB = 1024 * 1024;

export const RUN_FILE_LIMITS: RunFileLimits = {
  maxFileBytes: 256 * MIB,
  maxTextBytes: 256 * MIB,
  maxDocuments: 1_000_000,
  maxInnerEntries: 10_000,
  maxDepth: 8,
};

/** Below this (a few dozen documents) a run file stays plain JSON, readable as it is; above it, gzip pays off. */
export const GZIP_FROM_BYTES = 8 * 1024;

export const RUN_FILE_FORMAT = 'classify-run';
export const RUN_FILE_VERSION = 1;
