import type { ServiceProblem } from './model';
import {
  errorResponseSchema,
  gatewayErrorSchema,
  type WireError,
  type WireInnerError,
} from './schemas';

// Reading the service's error bodies needs the wire schemas (zod); errors.ts does not, so the
// first paint can show an error's words without them.

function deepestInner(inner: WireInnerError | undefined): WireInnerError | undefined {
  let deepest = inner;
  while (deepest?.innererror) deepest = deepest.innererror;
  return deepest;
}

export function toProblem(error: WireError): ServiceProblem {
  const inner = deepestInner(error.innererror);
  return {
    code: error.code,
    message: error.message,
    ...(inner?.code ? { innerCode: inner.code } : {}),
    ...(inner?.message ? { innerMessage: inner.message } : {}),
    ...(error.target ? { target: error.target } : {}),
  };
}

/** Reads an error body; bodies that are not the documented shape still yield the status line. */
export function problemFromBody(status: number, statusText: string, body: unknown): ServiceProblem {
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) return toProblem(parsed.data.error);
  // The gateway answers some auth failures (a refused token) as `{ statusCode, message }`.
  const gateway = gatewayErrorSchema.safeParse(body);
  if (gateway.success)
    return { code: String(gateway.data.statusCode), message: gateway.data.message };
  return { code: String(status), message: statusText || `HTTP ${status}` };
}
