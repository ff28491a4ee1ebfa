import { HttpResponse } from 'msw';

/** Error responses worded as the real service words them (see shared/fixtures/error-*.json). */

interface InnerError {
  code: string;
  message: string;
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  innererror?: InnerError,
  headers?: HeadersInit,
): Response {
  return HttpResponse.json(
    { error: { code, message, ...(innererror ? { innererror } : {}) } },
    { status, ...(headers ? { headers } : {}) },
  );
}

export const unauthorized = () =>
  errorResponse(
    401,
    '401',
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  );

/** The gateway's answer to a bearer token it cannot use: missing, malformed, for another resource or expired. */
export const tokenRefused = () =>
  errorResponse(
    401,
    '401',
    'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.',
  );

export const resourceNotFound = () => errorResponse(404, '404', 'Resource not found');

export const jobNotFound = (jobId: string) =>
  errorResponse(
    404,
    'NotFound',
    `The specified job '${jobId}' was not found. Job results are kept for 24 hours after submission.`,
  );

export const modelNotFound = (label: string) =>
  errorResponse(404, 'NotFound', `The specified trained model '${label}' was not found.`);

export const projectNotFound = () =>
  errorResponse(404, 'ProjectNotFound', 'The specified project was not found.');

/** A 400 whose inner error names what is wrong, which is where clients look. */
export const invalidRequest = (inner: InnerError, message = 'Invalid Request.') =>
  errorResponse(400, 'InvalidRequest', message, inner);

export const tooManyRequests = (retryAfterSeconds: number) =>
  errorResponse(
    429,
    '429',
    `Requests to the Analyze Text Operation under Azure AI Language API have exceeded rate limit of your current S pricing tier. Please retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}. Please contact Azure support service if you would like to further increase the default rate limit.`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );

export const internalServerError = () =>
  errorResponse(500, 'InternalServerError', 'Internal server error.');

/** The free tier's monthly quota: the Retry-After is days away, so retrying is pointless. */
export const quotaExceeded = () =>
  errorResponse(
    403,
    '403',
    'Out of call volume quota for TextAnalytics F0 pricing tier. Please retry after 15 days. To increase your call volume switch to a paid tier.',
    undefined,
    { 'Retry-After': String(15 * 24 * 3600) },
  );

/** Another job of the project is running (authoring writes wait for each other). */
export const conflict = (message: string) => errorResponse(409, 'Conflict', message);

/**
 * The authoring API's 10 POSTs a minute. UNCONFIRMED on the wire (authoring contract C.8): the
 * contract's suggestion, `TooManyRequests` with a Retry-After, is what this service sends.
 */
export const authoringTooManyRequests = (retryAfterSeconds: number) =>
  errorResponse(
    429,
    'TooManyRequests',
    `The authoring API accepts 10 POST requests a minute per resource. Please retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );

export const deploymentNotFound = (name: string) =>
  errorResponse(404, 'NotFound', `The specified deployment '${name}' was not found.`);

/** A 400 on an authoring write: what is wrong, and where in the request. */
export const invalidArgument = (message: string, target?: string) =>
  HttpResponse.json(
    { error: { code: 'InvalidArgument', message, ...(target ? { target } : {}) } },
    { status: 400 },
  );
