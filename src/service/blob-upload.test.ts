import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_HASH_KEY,
  classifyStorageFailure,
  contentHash,
  openSasContainer,
  StorageError,
  uploadBlobs,
  type BlobContainerPort,
} from './blob-upload';

/** A container in memory that counts the uploads in flight. */
function memoryContainer(
  existing: Record<string, { text: string; metadata: Record<string, string> }> = {},
) {
  const blobs = new Map(Object.entries(existing));
  let inFlight = 0;
  let most = 0;
  const port: BlobContainerPort = {
    async putIfAbsent(name, body, metadata) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      if (blobs.has(name)) return 'exists';
      blobs.set(name, { text: new TextDecoder().decode(body), metadata });
      return 'created';
    },
    metadataOf: (name) => Promise.resolve(blobs.get(name)?.metadata ?? {}),
  };
  return { port, blobs, most: () => most };
}

const docs = Array.from({ length: 20 }, (_, i) => ({
  location: `cc-r-${i}.txt`,
  text: `text ${i}`,
}));

describe('uploadBlobs', () => {
  it('uploads every blob, several in flight', async () => {
    const container = memoryContainer();
    const uploaded: string[] = [];
    const counts = await uploadBlobs(container.port, docs, {
      concurrency: 4,
      onUploaded: (location) => uploaded.push(location),
    });
    expect(counts).toEqual({ created: 20, existing: 0 });
    expect(container.blobs.get('cc-r-3.txt')?.text).toBe('text 3');
    expect(uploaded.sort()).toEqual(docs.map((doc) => doc.location).sort());
    expect(container.most()).toBe(4);
  });

  it('counts a blob it wrote before (same text) as there, without writing it again', async () => {
    const hash = await contentHash(new TextEncoder().encode('text 0'));
    const container = memoryContainer({
      'cc-r-0.txt': { text: 'text 0', metadata: { [CONTENT_HASH_KEY]: hash } },
    });
    await expect(uploadBlobs(container.port, docs.slice(0, 2))).resolves.toEqual({
      created: 1,
      existing: 1,
    });
  });

  it('never overwrites a blob of the same name with other content, and says which', async () => {
    const container = memoryContainer({ 'cc-r-1.txt': { text: 'someone else’s', metadata: {} } });
    const error = await uploadBlobs(container.port, docs.slice(0, 3), { concurrency: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'exists-different', blobName: 'cc-r-1.txt' });
    expect(container.blobs.get('cc-r-1.txt')?.text).toBe('someone else’s');
    // The first failure stops new uploads.
    expect(container.blobs.has('cc-r-2.txt')).toBe(false);
  });
});

describe('classifyStorageFailure', () => {
  const rest = (statusCode: number | undefined, code: string) =>
    Object.assign(new Error('x'), { statusCode, code });

  it.each([
    [rest(undefined, 'REQUEST_SEND_ERROR'), 'blocked'],
    [new TypeError('Failed to fetch'), 'blocked'],
    [rest(403, 'AuthorizationPermissionMismatch'), 'forbidden'],
    [rest(404, 'ContainerNotFound'), 'container-missing'],
    [rest(500, 'InternalError'), 'other'],
  ])('%s is %s', (error, kind) => {
    expect(classifyStorageFailure(error).kind).toBe(kind);
  });
});

describe('openSasContainer (the Azure SDK, against a simulated Blob service)', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const SAS = 'https://acct.blob.core.windows.net/tickets?sv=2024-08-04&sr=c&sp=rwl&sig=abc';

  it('puts a blob only if none exists (If-None-Match: *), with its hash as metadata', async () => {
    const seen: {
      method: string;
      ifNoneMatch: string | null;
      meta: string | null;
      body: string;
    }[] = [];
    server.use(
      http.put('https://acct.blob.core.windows.net/tickets/:name', async ({ request }) => {
        seen.push({
          method: request.method,
          ifNoneMatch: request.headers.get('if-none-match'),
          meta: request.headers.get(`x-ms-meta-${CONTENT_HASH_KEY}`),
          body: await request.text(),
        });
        return new HttpResponse(null, { status: 201 });
      }),
    );
    const port = await openSasContainer(SAS);
    await expect(
      port.putIfAbsent('cc-r-1.txt', new TextEncoder().encode('hello'), {
        [CONTENT_HASH_KEY]: 'h',
      }),
    ).resolves.toBe('created');
    expect(seen).toEqual([{ method: 'PUT', ifNoneMatch: '*', meta: 'h', body: 'hello' }]);
  });

  it('answers `exists` to a 409 BlobAlreadyExists', async () => {
    server.use(
      http.put(
        'https://acct.blob.core.windows.net/tickets/:name',
        () =>
          new HttpResponse(
            '<?xml version="1.0"?><Error><Code>BlobAlreadyExists</Code><Message>x</Message></Error>',
            {
              status: 409,
              headers: {
                'x-ms-error-code': 'BlobAlreadyExists',
                'content-type': 'application/xml',
              },
            },
          ),
      ),
    );
    const port = await openSasContainer(SAS);
    await expect(port.putIfAbsent('cc-r-1.txt', new TextEncoder().encode('x'), {})).resolves.toBe(
      'exists',
    );
  });

  it('classifies a 403 as forbidden', async () => {
    server.use(
      http.put(
        'https://acct.blob.core.windows.net/tickets/:name',
        () =>
          new HttpResponse(null, {
            status: 403,
            headers: { 'x-ms-error-code': 'AuthorizationPermissionMismatch' },
          }),
      ),
    );
    const port = await openSasContainer(SAS);
    await expect(
      port.putIfAbsent('cc-r-1.txt', new TextEncoder().encode('x'), {}),
    ).rejects.toMatchObject({
      kind: 'forbidden',
      status: 403,
    });
  });
});
