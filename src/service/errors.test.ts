import { describe, expect, it } from 'vitest';
import tooMany from './fixtures/error-400-too-many-documents.json';
import unauthorized from './fixtures/error-401.json';
import quota from './fixtures/error-403-quota.json';
import projectNotFound from './fixtures/error-404-project.json';
import throttled from './fixtures/error-429.json';
import { hintFor, ServiceError } from './errors';
import { problemFromBody } from './problems';

function httpError(status: number, body: unknown) {
  const problem = problemFromBody(status, '', body);
  return new ServiceError({ kind: 'http', status, message: problem.message, problem });
}

describe('service errors', () => {
  it('keeps the top message and the deepest inner error', () => {
    expect(problemFromBody(400, '', tooMany)).toEqual({
      code: 'InvalidRequest',
      message: 'Invalid document in request.',
      innerCode: 'InvalidDocumentBatch',
      innerMessage: 'Batch request contains too many records. Max 25 records are permitted.',
    });
    const nested = {
      error: {
        code: 'A',
        message: 'top',
        innererror: { code: 'B', message: 'middle', innererror: { code: 'C', message: 'deepest' } },
      },
    };
    expect(problemFromBody(400, '', nested)).toMatchObject({
      innerCode: 'C',
      innerMessage: 'deepest',
    });
  });

  it('falls back to the status line for bodies that are not error bodies', () => {
    expect(problemFromBody(502, 'Bad Gateway', '<html/>')).toEqual({
      code: '502',
      message: 'Bad Gateway',
    });
  });

  it.each([
    [401, unauthorized, /check the key/i, false],
    [403, quota, /quota of this resource is spent/i, false],
    [404, projectNotFound, /case-sensitive/i, false],
    [429, throttled, /throttling/i, true],
    [400, tooMany, /25 documents/i, false],
    [503, { error: { code: 'ServiceUnavailable', message: 'busy' } }, /transient/i, true],
  ])('explains HTTP %i and knows whether to retry', (status, body, hint, transient) => {
    const error = httpError(status, body);
    expect(hintFor(error)).toMatch(hint);
    expect(error.isTransient).toBe(transient);
  });

  it('explains a refused redirect and never retries it', () => {
    const error = new ServiceError({ kind: 'redirect', status: 307, message: 'redirected' });
    expect(error.isTransient).toBe(false);
    expect(hintFor(error)).toMatch(/never redirects/);
    expect(hintFor(error)).toMatch(/gateway or proxy/);
  });
});
