import { HttpResponse } from 'msw';
import { internalServerError, jobNotFound, quotaExceeded, tooManyRequests } from './service-errors';

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
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** Matches when the request's path contains this text (e.g. `/analyze-text/jobs/`); all if unset. */
  path?: string;
  method?: string;
  /** How many responses to replace; 1 if unset. */
  times?: number;
  /** For `throttle`: the Retry-After in seconds; 2 if unset. */
  retryAfterSeconds?: number;
  /** For `foreign-location`: where the 202's operation-location points instead. */
  location?: string;
}

export interface FaultPlan extends FaultHook {
  inject(fault: Fault): void;
  clear(): void;
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
    case 'foreign-location':
      return new HttpResponse(null, {
        status: 202,
        headers: { 'operation-location': fault.location ?? 'https://foreign.invalid/jobs/1' },
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
  return {
    inject(fault) {
      pending.push({ fault, remaining: fault.times ?? 1 });
    },
    clear() {
      pending = [];
    },
    next(request) {
      const { pathname } = new URL(request.url);
      const entry = pending.find(
        ({ fault }) =>
          (fault.path === undefined || pathname.includes(fault.path)) &&
          (fault.method === undefined || fault.method.toUpperCase() === request.method),
      );
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) pending = pending.filter((candidate) => candidate !== entry);
      return faultResponse(entry.fault);
    },
  };
}
