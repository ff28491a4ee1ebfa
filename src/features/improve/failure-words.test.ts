import { describe, expect, it } from 'vitest';
import type { AuthoringJob } from '../../service/authoring-jobs';
import { StorageError } from '../../service/blob-upload';
import { ServiceError } from '../../service/errors';
import { describeFailure, describeJobEnd } from './failure-words';

const context = { containerName: 'tickets', origin: 'https://console.example' };
const http = (status: number, code: string, message: string) =>
  new ServiceError({ kind: 'http', status, message, problem: { code, message } });

const failedJob = (code: string, message: string): AuthoringJob => ({
  jobId: 'j',
  status: 'failed',
  phase: 'failed',
  errors: [{ code, message }],
  warnings: [],
  createdAt: '',
  updatedAt: '',
});

describe('describeFailure', () => {
  it('a 403 on import: the managed identity needs Storage Blob Data Contributor', () => {
    const words = describeFailure(
      'import',
      http(403, 'Forbidden', 'No access to storage.'),
      context,
    );
    expect(words.quote).toBe('HTTP 403 Forbidden: No access to storage.');
    expect(words.hint).toMatch(/managed identity.*Storage Blob Data Contributor/);
  });

  it('a 409: another job runs on the project', () => {
    const words = describeFailure('train', http(409, 'Conflict', 'Busy.'), context);
    expect(words.hint).toMatch(/Another job is running/);
  });

  it('storage blocked by CORS: the exact rule, with this page’s origin', () => {
    const words = describeFailure(
      'upload',
      new StorageError({ kind: 'blocked', message: 'Failed to fetch' }),
      context,
    );
    expect(words.corsRule).toEqual({
      allowedOrigins: 'https://console.example',
      allowedMethods: 'GET, HEAD, PUT, OPTIONS',
      allowedHeaders: '*',
      exposedHeaders: '*',
      maxAgeInSeconds: 500,
    });
    expect(words.title).toMatch(/project was not changed/);
  });

  it('a refused SAS', () => {
    const error = new StorageError({
      kind: 'forbidden',
      status: 403,
      code: 'AuthenticationFailed',
      message: 'x',
    });
    const words = describeFailure('upload', error, context);
    expect(words.quote).toBe('403 AuthenticationFailed');
    expect(words.hint).toMatch(/expired.*read, write and list/);
  });
});

describe('describeJobEnd', () => {
  it('a failed import naming a missing container', () => {
    const words = describeJobEnd(
      'import',
      failedJob('InvalidRequest', 'The storage container does not exist.'),
      context,
    );
    expect(words.quote).toBe('InvalidRequest: The storage container does not exist.');
    expect(words.hint).toMatch(/“tickets” does not exist/);
    expect(words.title).toMatch(/ended with status “failed”/);
  });

  it('a failed training leaves the project as it was', () => {
    const words = describeJobEnd('train', failedJob('InternalServerError', 'Boom.'), context);
    expect(words.title).toMatch(/project and its deployments are as they were/);
    expect(words.quote).toBe('InternalServerError: Boom.');
  });
});
