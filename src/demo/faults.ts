import { HttpResponse } from 'msw';
import {
  internalServerError,
  jobNotFound,
  quotaExceeded,
  resourceNotFound,
  tooManyRequests,
} from './service-errors';

/** Lets a test make the next few responses fail the way a real gateway sometimes does. */

export interface FaultHook {
  /** A response to send instead of the real one, or undefined to serve the request normally. */
  next(request: Request): Response | undefined;
}

export const FAULT_KINDS = [
  'throttle',
  'server-error',
  'garbled',
  'drop',
  'quota',
  'not-found',
  'foreign-location',
  'redirect',
  'version-unavailable',
] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** Matches when the request's path contains this text (e.g. `/analyze-text/jobs/`); all if unset. */
  path?: string;
  /** Matches when the request's query contains this text (e.g. `skip=20` for a results page). */
  query?: string;
  method?: string;
  /** How many responses to replace; 1 if unset. */
  times?: number;
  /** For `throttle`: the Retry-After in seconds; 2 if unset. */
  retryAfterSeconds?: number;
  /** For `foreign-location`: where the 202's operation-location points; for `redirect`: its Location. */
  location?: string;
  /** For `redirect`: the 3xx status; 307 if unset. */
  status?: RedirectStatus;
}

export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;
type RedirectStatus = (typeof REDIRECT_STATUSES)[number];

export interface FaultPlan extends FaultHook {
  inject(fault: Fault): void;
  clear(): void;
  /** Each fault injected, once per response it replaced, in order. */
  served(): readonly Fault[];
}

function faultResponse(fault: Fault): Response {
  switch (fault.kind) {
    case 'throttle':
      return tooManyRequests(fault.retryAfterSeconds ?? 2);
    case 'server-error':
      return internalServerError();
    case 'drop':
      // A dropped connection: fetch rejects with a network error.
      return HttpResponse.error();
    case 'quota':
      return quotaExceeded();
    case 'not-found':
      return jobNotFound('expired');
    case 'version-unavailable':
      // A resource that does not offer the api-version answers as for any unknown version
      // (match it with `query: 'api-version=…'`).
      return resourceNotFound();
    case 'foreign-location':
      return new HttpResponse(null, {
        status: 202,
        headers: { 'operation-location': fault.location ?? 'https://foreign.invalid/jobs/1' },
      });
    case 'redirect':
      // What a hijacked gateway would send: a browser that follows it takes the key along.
      return new HttpResponse(null, {
        status: fault.status ?? 307,
        headers: { location: fault.location ?? 'https://foreign.invalid/stolen' },
      });
    case 'garbled':
      return new HttpResponse('{"jobId":"7c1e0b9a-2f4d-4e8a-9b', {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
  }
}

export function createFaultPlan(): FaultPlan {
  let pending: { fault: Fault; remaining: number }[] = [];
  const served: Fault[] = [];
  return {
    inject(fault) {
      pending.push({ fault, remaining: fault.times ?? 1 });
    },
    clear() {
      pending = [];
    },
    served: () => served,
    next(request) {
      const { pathname, search } = new URL(request.url);
      const entry = pending.find(
        ({ fault }) =>
          (fault.path === undefined || pathname.includes(fault.path)) &&
          (fault.query === undefined || search.includes(fault.query)) &&
          (fault.method === undefined || fault.method.toUpperCase() === request.method),
      );
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) pending = pending.filter((candidate) => candidate !== entry);
      served.push(entry.fault);
      return faultResponse(entry.fault);
    },
  };
}
