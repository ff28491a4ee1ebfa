import { shortHash } from './hash';

/**
 * Blob names for a run's documents: `cc-{runId}-{docId}.txt`, at the container's root (where the
 * service reads them). Deterministic, so adding the same run twice names the same blobs. Any part
 * that had to be changed to be a safe name (or shortened) ends in `.` and its hash: a part left as
 * it was never holds a dot, so two documents never share a name.
 */

const UNSAFE_ID = /[^A-Za-z0-9_-]/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ID_PART = 80;

function documentPart(id: string): string {
  const safe = id.replace(UNSAFE_ID, '_');
  if (safe === id && id.length > 0 && id.length <= MAX_ID_PART) return id;
  return `${safe.slice(0, MAX_ID_PART)}.${shortHash(id)}`;
}

/** Run IDs are UUIDs; another (a run file's) loses its dashes, so the run part never holds one. */
function runPart(runId: string): string {
  if (UUID.test(runId)) return runId;
  return `${runId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}.${shortHash(runId)}`;
}

export function blobNameFor(runId: string, documentId: string): string {
  return `cc-${runPart(runId)}-${documentPart(documentId)}.txt`;
}
