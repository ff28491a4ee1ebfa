import { ServiceError } from './errors';
import { gaSubmitRequest } from './ga';
import { assertSameOrigin, callService, type Credentials } from './http';
import { isSeedApi, type JobInput, type JobSnapshot } from './model';
import { documentsOf, normalizeJob, parseJobBody } from './normalize';
import { seedSubmitRequest } from './seed';

export function submitRequest(input: JobInput) {
  return isSeedApi(input.apiVersion) ? seedSubmitRequest(input) : gaSubmitRequest(input);
}

/** Sends the job; the service answers 202 with the job's URL in `operation-location`. */
export async function submitJob(input: JobInput, key: string): Promise<string> {
  const credentials = { endpoint: input.endpoint, key };
  const response = await callService(submitRequest(input), credentials);
  const location = response.headers.get('operation-location');
  if (!location) {
    throw new ServiceError({
      kind: 'cors',
      status: response.status,
      message: `The service accepted the job (HTTP ${response.status}) but its operation-location header could not be read, so the job cannot be followed.`,
    });
  }
  return assertSameOrigin(location, input.endpoint).href;
}

export interface JobPoll {
  snapshot: JobSnapshot;
  /** The last job body as the service sent it, for the raw view. */
  raw: unknown;
  retryAfterMs: number | undefined;
  pages: number;
}

const MAX_PAGES = 500;

/** One poll; once the job is finished, every results page is read and merged. */
export async function fetchJob(
  jobUrl: string,
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<JobPoll> {
  const first = await callService({ method: 'GET', url: jobUrl }, credentials, signal);
  const snapshot = normalizeJob(parseJobBody(first.json));
  if (snapshot.phase === 'waiting' || snapshot.phase === 'running') {
    return { snapshot, raw: first.json, retryAfterMs: first.retryAfterMs, pages: 1 };
  }
  const documents = [...snapshot.documents];
  const seen = new Set<string>([jobUrl]);
  let raw = first.json;
  let next = snapshot.nextLink;
  while (next && !seen.has(next) && seen.size <= MAX_PAGES) {
    seen.add(next);
    const page = await callService({ method: 'GET', url: next }, credentials, signal);
    const body = parseJobBody(page.json);
    documents.push(...documentsOf(body));
    raw = page.json;
    next = body.nextLink ?? body['@nextLink'];
  }
  const { nextLink: _last, ...rest } = snapshot;
  return {
    snapshot: { ...rest, documents },
    raw,
    retryAfterMs: first.retryAfterMs,
    pages: seen.size,
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

/** GA only: asks the service to stop a job; the job then reports `cancelling`, then `cancelled`. */
export async function cancelJob(jobUrl: string, credentials: Credentials): Promise<void> {
  const url = new URL(jobUrl);
  url.pathname = `${url.pathname}:cancel`;
  await callService({ method: 'POST', url: url.href }, credentials);
}
