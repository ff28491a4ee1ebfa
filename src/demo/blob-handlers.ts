import { http, HttpResponse, type HttpHandler } from 'msw';
import { base64ToBytes, type BlobStore, type StoredBlob } from './blob-store';
import { randomUuid } from './job-ids';
import { DEMO_SAS_SIGNATURE, DEMO_STORAGE_ACCOUNT_URL } from './demo-storage';

/**
 * The Blob service REST subset that @azure/storage-blob's ContainerClient and BlockBlobClient use
 * for small uploads, flat listings, existence checks and downloads, answered from a BlobStore:
 * Put Blob (single shot), Get Blob, Get Blob Properties (HEAD), List Blobs (flat, prefix, paged),
 * Get Container Properties and Create Container. Requests authenticate with a SAS whose `sig` is
 * the demo's and whose `sp` grants the operation, as the real service checks.
 */

const API_VERSION = '2025-05-05';
const DEFAULT_PAGE = 5000;

const httpDate = (ms: number) => new Date(ms).toUTCString();
const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (char) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );

function commonHeaders(): Record<string, string> {
  return {
    'x-ms-request-id': randomUuid(),
    'x-ms-version': API_VERSION,
    Date: httpDate(Date.now()),
    // The demo page reads these cross-origin, as a browser does from an account with a CORS rule.
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': '*',
  };
}

function storageError(status: number, code: string, message: string, method: string): Response {
  const headers: Record<string, string> = { ...commonHeaders(), 'x-ms-error-code': code };
  // HEAD answers carry no body; the SDK reads the code from the header.
  if (method === 'HEAD') return new HttpResponse(null, { status, headers });
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}\nRequestId:${headers['x-ms-request-id'] ?? ''}\nTime:${new Date().toISOString()}</Message></Error>`;
  return new HttpResponse(body, {
    status,
    headers: { ...headers, 'Content-Type': 'application/xml' },
  });
}

function blobHeaders(blob: StoredBlob): Record<string, string> {
  return {
    ...commonHeaders(),
    'Content-Length': String(base64ToBytes(blob.content).length),
    'Content-Type': blob.contentType,
    ETag: blob.etag,
    'Last-Modified': httpDate(blob.modifiedAt),
    'x-ms-creation-time': httpDate(blob.createdAt),
    'x-ms-blob-type': 'BlockBlob',
    'x-ms-lease-status': 'unlocked',
    'x-ms-lease-state': 'available',
    'x-ms-server-encrypted': 'true',
    'x-ms-access-tier': 'Hot',
    'x-ms-access-tier-inferred': 'true',
    'Accept-Ranges': 'bytes',
  };
}

function listXml(
  container: string,
  blobs: [string, StoredBlob][],
  query: { prefix: string; marker: string; maxResults: number },
): string {
  const start = query.marker ? blobs.findIndex(([name]) => name >= query.marker) : 0;
  const page = start < 0 ? [] : blobs.slice(start, start + query.maxResults);
  const next = start < 0 ? undefined : blobs[start + query.maxResults]?.[0];
  const items = page
    .map(
      ([name, blob]) =>
        `<Blob><Name>${escapeXml(name)}</Name><Properties><Creation-Time>${httpDate(blob.createdAt)}</Creation-Time><Last-Modified>${httpDate(blob.modifiedAt)}</Last-Modified><Etag>${escapeXml(blob.etag)}</Etag><Content-Length>${base64ToBytes(blob.content).length}</Content-Length><Content-Type>${escapeXml(blob.contentType)}</Content-Type><BlobType>BlockBlob</BlobType><AccessTier>Hot</AccessTier><AccessTierInferred>true</AccessTierInferred><LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState><ServerEncrypted>true</ServerEncrypted></Properties><OrMetadata /></Blob>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="${DEMO_STORAGE_ACCOUNT_URL}/" ContainerName="${escapeXml(container)}">` +
    (query.prefix ? `<Prefix>${escapeXml(query.prefix)}</Prefix>` : '') +
    (query.marker ? `<Marker>${escapeXml(query.marker)}</Marker>` : '') +
    `<MaxResults>${query.maxResults}</MaxResults><Blobs>${items}</Blobs>` +
    (next ? `<NextMarker>${escapeXml(next)}</NextMarker>` : '<NextMarker />') +
    `</EnumerationResults>`
  );
}

/** Undefined when the SAS allows `permission`; otherwise the refusal the real service gives. */
function checkSas(url: URL, permission: string, method: string): Response | undefined {
  const sig = url.searchParams.get('sig');
  if (sig === null) {
    return storageError(
      401,
      'NoAuthenticationInformation',
      'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.',
      method,
    );
  }
  const expiry = Date.parse(url.searchParams.get('se') ?? '');
  if (sig !== DEMO_SAS_SIGNATURE || !(expiry > Date.now())) {
    return storageError(
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
      method,
    );
  }
  if (!(url.searchParams.get('sp') ?? '').includes(permission)) {
    return storageError(
      403,
      'AuthorizationPermissionMismatch',
      'This request is not authorized to perform this operation using this permission.',
      method,
    );
  }
  return undefined;
}

const containerNotFound = (method: string) =>
  storageError(404, 'ContainerNotFound', 'The specified container does not exist.', method);

export function createBlobHandlers(
  store: BlobStore,
  accountUrl = DEMO_STORAGE_ACCOUNT_URL,
): HttpHandler[] {
  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const { method } = request;
    const [container = '', ...nameParts] = url.pathname
      .slice(1)
      .split('/')
      .map((part) => decodeURIComponent(part));
    const name = nameParts.join('/');
    const isContainer = name === '' && url.searchParams.get('restype') === 'container';

    if (method === 'OPTIONS') {
      return new HttpResponse(null, {
        status: 200,
        headers: {
          ...commonHeaders(),
          'Access-Control-Allow-Methods': 'GET, HEAD, PUT, OPTIONS',
          'Access-Control-Allow-Headers': '*',
        },
      });
    }
    if (!container)
      return storageError(
        400,
        'InvalidUri',
        'The requested URI does not represent any resource on the server.',
        method,
      );

    if (isContainer) {
      if (method === 'PUT') {
        const refusal = checkSas(url, 'c', method);
        if (refusal) return refusal;
        if (!store.createContainer(container)) {
          return storageError(
            409,
            'ContainerAlreadyExists',
            'The specified container already exists.',
            method,
          );
        }
        return new HttpResponse(null, {
          status: 201,
          headers: {
            ...commonHeaders(),
            ETag: '"0x8DE000000000001"',
            'Last-Modified': httpDate(Date.now()),
          },
        });
      }
      if (url.searchParams.get('comp') === 'list') {
        const refusal = checkSas(url, 'l', method);
        if (refusal) return refusal;
        if (!store.hasContainer(container)) return containerNotFound(method);
        const prefix = url.searchParams.get('prefix') ?? '';
        const requested = Number(url.searchParams.get('maxresults') ?? DEFAULT_PAGE);
        const body = listXml(container, store.listBlobs(container, prefix), {
          prefix,
          marker: url.searchParams.get('marker') ?? '',
          maxResults:
            Number.isInteger(requested) && requested > 0
              ? Math.min(requested, DEFAULT_PAGE)
              : DEFAULT_PAGE,
        });
        return new HttpResponse(body, {
          status: 200,
          headers: { ...commonHeaders(), 'Content-Type': 'application/xml' },
        });
      }
      if (method === 'GET' || method === 'HEAD') {
        const refusal = checkSas(url, 'r', method);
        if (refusal) return refusal;
        if (!store.hasContainer(container)) return containerNotFound(method);
        return new HttpResponse(null, {
          status: 200,
          headers: {
            ...commonHeaders(),
            ETag: '"0x8DE000000000001"',
            'Last-Modified': httpDate(Date.now()),
            'x-ms-lease-status': 'unlocked',
            'x-ms-lease-state': 'available',
            'x-ms-has-immutability-policy': 'false',
            'x-ms-has-legal-hold': 'false',
          },
        });
      }
    }

    if (name) {
      if (method === 'PUT') {
        const refusal = checkSas(url, 'w', method);
        if (refusal) return refusal;
        if (!store.hasContainer(container)) return containerNotFound(method);
        if (request.headers.get('x-ms-blob-type') !== 'BlockBlob') {
          return storageError(
            400,
            'MissingRequiredHeader',
            "An HTTP header that's mandatory for this request is not specified.",
            method,
          );
        }
        const existing = store.getBlob(container, name);
        if (existing && request.headers.get('If-None-Match') === '*') {
          return storageError(
            409,
            'BlobAlreadyExists',
            'The specified blob already exists.',
            method,
          );
        }
        const ifMatch = request.headers.get('If-Match');
        if (
          ifMatch && ifMatch !== '*' ? existing?.etag !== ifMatch : ifMatch === '*' && !existing
        ) {
          return storageError(
            412,
            'ConditionNotMet',
            'The condition specified using HTTP conditional header(s) is not met.',
            method,
          );
        }
        const bytes = new Uint8Array(await request.arrayBuffer());
        const blob = store.putBlob(
          container,
          name,
          bytes,
          request.headers.get('x-ms-blob-content-type') ?? 'application/octet-stream',
        );
        return new HttpResponse(null, {
          status: 201,
          headers: {
            ...commonHeaders(),
            ETag: blob.etag,
            'Last-Modified': httpDate(blob.modifiedAt),
            'x-ms-request-server-encrypted': 'true',
          },
        });
      }
      if (method === 'GET' || method === 'HEAD') {
        const refusal = checkSas(url, 'r', method);
        if (refusal) return refusal;
        if (!store.hasContainer(container)) return containerNotFound(method);
        const blob = store.getBlob(container, name);
        if (!blob)
          return storageError(404, 'BlobNotFound', 'The specified blob does not exist.', method);
        const headers = blobHeaders(blob);
        if (method === 'HEAD') return new HttpResponse(null, { status: 200, headers });
        return new HttpResponse(base64ToBytes(blob.content), { status: 200, headers });
      }
    }
    return storageError(
      400,
      'UnsupportedHttpVerb',
      "The resource doesn't support specified Http Verb.",
      method,
    );
  };
  return [http.all(`${accountUrl}/*`, ({ request }) => handle(request))];
}
