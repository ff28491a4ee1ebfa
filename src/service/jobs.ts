import { profileOf } from './api-profiles';
import { ServiceError } from './errors';
import { gaCancelRequest } from './ga';
import { assertSameOrigin, callService, type Credentials } from './http';
import type { JobInput, JobSnapshot } from './model';
import { documentsOf, flagDuplicateIds, normalizeJob, parseJobBody } from './normalize';

export function submitRequest(input: JobInput) {
  return profileOf(input.apiVersion).submitRequest(input);
}

/** Sends the job; the service answers 202 with the job's URL in `operation-location`. */
export async function submitJob(
  input: JobInput,
  secret: Pick<Credentials, 'key' | 'scheme'>,
): Promise<string> {
  const credentials: Credentials = { endpoint: input.endpoint, ...secret };
  const response = await callService(submitRequest(input), credentials);
  const location = response.headers.get('operation-location');
  if (!location) {
    throw new ServiceError({
      kind: 'cors',
      status: response.status,
      message: `The service accepted the job (HTTP ${response.status}) but its operation-location header could not be read, so the job cannot be followed.`,
    });
  }
  return assertSameOrigin(location, input.endpoint, credentials.scheme).href;
}

export interface JobPoll {
  snapshot: JobSnapshot;
  /** The last job body as the service sent it, for the raw view. */
  raw: unknown;
  retryAfterMs: number | undefined;
  /** Pages read, the first one included. */
  pages: number;
  /** True when paging stopped before the last page: the results are incomplete. */
  truncated: boolean;
  /** Why paging stopped early: too many pages, or a `nextLink` pointing back to a page already read. */
  truncatedBy?: 'page-limit' | 'repeated-link';
}

/** Pages read at most for one job (20 results a page: 10,000 documents), the first one included. */
export const MAX_RESULT_PAGES = 500;

/** One poll; once the job is finished, every results page is read and merged. */
export async function fetchJob(
  jobUrl: string,
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<JobPoll> {
  const first = await callService({ method: 'GET', url: jobUrl }, credentials, signal);
  const snapshot = normalizeJob(parseJobBody(first.json));
  if (snapshot.phase === 'waiting' || snapshot.phase === 'running') {
    return {
      snapshot,
      raw: first.json,
      retryAfterMs: first.retryAfterMs,
      pages: 1,
      truncated: false,
    };
  }
  // Appended one by one: spreading a page of 200,000 documents into push() overflows the stack.
  const documents = snapshot.documents.slice();
  const seen = new Set<string>([jobUrl]);
  let raw = first.json;
  let next = snapshot.nextLink;
  let truncatedBy: JobPoll['truncatedBy'];
  while (next) {
    if (seen.has(next)) {
      truncatedBy = 'repeated-link';
      break;
    }
    if (seen.size >= MAX_RESULT_PAGES) {
      truncatedBy = 'page-limit';
      break;
    }
    seen.add(next);
    const page = await callService({ method: 'GET', url: next }, credentials, signal);
    const body = parseJobBody(page.json);
    for (const document of documentsOf(body)) documents.push(document);
    raw = page.json;
    next = body.nextLink ?? body['@nextLink'];
  }
  const { nextLink: _last, ...rest } = snapshot;
  return {
    snapshot: { ...rest, documents: flagDuplicateIds(documents) },
    raw,
    retryAfterMs: first.retryAfterMs,
    pages: seen.size,
    truncated: truncatedBy !== undefined,
    ...(truncatedBy ? { truncatedBy } : {}),
  };
}

/** A failed or cancelled job as an error, so it is shown like every other failure. */
export function failureOf(snapshot: JobSnapshot): ServiceError | undefined {
  if (snapshot.phase !== 'failed' && snapshot.phase !== 'cancelled') return undefined;
  const [first] = snapshot.errors;
  return new ServiceError({
    kind: 'job-failed',
    message: snapshot.phase === 'cancelled' ? 'The job was cancelled.' : 'The job failed.',
    ...(first ? { problem: first } : {}),
  });
}

/**
 * GA only (see `canCancel` in api-profiles.ts): asks the service to stop a job; the job then
 * reports `cancelling`, then `cancelled`.
 */
export async function cancelJob(jobUrl: string, credentials: Credentials): Promise<void> {
  await callService(gaCancelRequest(jobUrl), credentials);
}
