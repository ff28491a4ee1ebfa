import { ContainerClient, RestError } from '@azure/storage-blob';
import type { BlobReading, BlobSource } from '../src/demo/blob-store';
import { DEMO_TRAINING_TICKETS } from '../src/demo/demo-training-tickets';

/**
 * The storage account the HTTP service's Language resource is connected to, reached with
 * @azure/storage-blob through a container SAS URL (Azurite in tests, or any account). The SAS's
 * account is the linked account; a project's `storageInputContainerName` is read with the same SAS,
 * so a container SAS reads only its own container (another one answers 403, like a missing role).
 */

const PARALLEL_READS = 16;

/** `https://account/container?sas` → the account URL and the SAS query, and the container's name. */
export function splitContainerSasUrl(sasUrl: string) {
  const url = new URL(sasUrl);
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const container = segments.pop() ?? '';
  return { accountUrl: `${url.origin}${segments.join('/')}`, sas: url.search, container };
}

const statusOf = (error: unknown) => (error instanceof RestError ? error.statusCode : undefined);

export function azureBlobSource(sasUrl: string): BlobSource {
  const { accountUrl, sas } = splitContainerSasUrl(sasUrl);
  return {
    async readTexts(container: string, names: readonly string[]): Promise<BlobReading> {
      const client = new ContainerClient(`${accountUrl}/${encodeURIComponent(container)}${sas}`);
      // A service SAS may not read a container's properties: listing one blob tells whether it exists.
      try {
        await client.listBlobsFlat().byPage({ maxPageSize: 1 }).next();
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return { failure: 'container-not-found' };
        if (status === 403 || status === 401) return { failure: 'forbidden' };
        return {
          failure: 'unavailable',
          detail: error instanceof Error ? error.message : undefined,
        };
      }
      const texts = new Map<string, string>();
      const missing: string[] = [];
      const refused = { forbidden: false };
      const queue = [...names];
      const worker = async () => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
          try {
            const buffer = await client.getBlobClient(name).downloadToBuffer();
            texts.set(name, buffer.toString('utf8'));
          } catch (error) {
            const status = statusOf(error);
            if (status === 404) missing.push(name);
            else if (status === 403 || status === 401) refused.forbidden = true;
            else throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
      if (refused.forbidden) return { failure: 'forbidden' };
      return { texts, missing: names.filter((name) => missing.includes(name)) };
    },
  };
}

/** Puts SupportTickets' training documents in the SAS's container, leaving blobs already there. */
export async function seedSupportTickets(sasUrl: string): Promise<void> {
  const client = new ContainerClient(sasUrl);
  await Promise.all(
    DEMO_TRAINING_TICKETS.map(async ({ location, text }) => {
      const body = Buffer.from(text, 'utf8');
      await client
        .getBlockBlobClient(location)
        .uploadData(body, {
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'text/plain; charset=utf-8' },
        })
        .catch((error: unknown) => {
          if (statusOf(error) !== 409) throw error;
        });
    }),
  );
}
