import { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_KEY } from '../src/demo/demo-settings';
import { DEMO_TRAINING_TICKETS } from '../src/demo/demo-training-tickets';
import { startAzurite, type RunningAzurite } from './azurite';
import { startServiceServer } from './service-server';

/** `npm run service` with its storage in a real Azurite: upload, import, export over real HTTP. */

let azurite: RunningAzurite;
let service: Awaited<ReturnType<typeof startServiceServer>>;

beforeAll(async () => {
  azurite = await startAzurite({ containers: ['tickets-in', 'movie-synopses'] });
  service = await startServiceServer({
    port: 0,
    storageSasUrl: azurite.containerSasUrl('tickets-in'),
    timing: { queuedMs: 50, authoringMs: 100, trainMs: 200 },
  });
}, 40_000);

afterAll(async () => {
  await service.close();
  await azurite.stop();
});

const V = 'api-version=2023-04-01';
const projectUrl = (name: string) =>
  `${service.origin}/language/authoring/analyze-text/projects/${name}`;

function call(method: string, url: string, body?: unknown) {
  return fetch(url, {
    method,
    headers: { 'Ocp-Apim-Subscription-Key': DEMO_KEY, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const jobSchema = z.object({
  status: z.string(),
  resultUrl: z.string().optional(),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** Starts a job (202) and polls it until it ends. */
async function run(url: string, body?: unknown) {
  const accepted = await call('POST', url, body);
  expect(accepted.status, await accepted.clone().text()).toBe(202);
  const location = accepted.headers.get('operation-location') ?? '';
  for (;;) {
    const job = jobSchema.parse(await (await call('GET', location)).json());
    if (!['notStarted', 'running', 'cancelling'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const fileSchema = z
  .object({
    metadata: z.object({ storageInputContainerName: z.string() }).loose(),
    assets: z
      .object({
        documents: z.array(
          z.object({ location: z.string(), class: z.object({ category: z.string() }) }).loose(),
        ),
      })
      .loose(),
  })
  .loose();

async function exportProject(name: string) {
  const job = await run(`${projectUrl(name)}/:export?${V}&stringIndexType=Utf16CodeUnit`);
  expect(job.status).toBe('succeeded');
  return fileSchema.parse(await (await call('GET', job.resultUrl ?? '')).json());
}

describe('the HTTP service with Azurite as its storage account', () => {
  it('imports documents uploaded with @azure/storage-blob, and exports them', async () => {
    const before = await exportProject('SupportTickets');
    // The service links SupportTickets to the SAS's container and put its documents there.
    expect(before.metadata.storageInputContainerName).toBe('tickets-in');
    expect(before.assets.documents).toHaveLength(DEMO_TRAINING_TICKETS.length);

    const container = new ContainerClient(azurite.containerSasUrl('tickets-in'));
    const added = [
      ['cc-run7-t1.txt', 'My refund has not arrived after three weeks.', 'Billing'],
      ['cc-run7-t2.txt', 'The login page loops back to itself.', 'Account'],
      ['cc-run7-t3.txt', 'Parcel marked delivered but it is not here.', 'Shipping'],
    ] as const;
    await Promise.all(
      added.map(([name, text]) =>
        container.getBlockBlobClient(name).upload(text, Buffer.byteLength(text)),
      ),
    );
    const file = {
      ...before,
      assets: {
        ...before.assets,
        documents: [
          ...before.assets.documents,
          ...added.map(([location, , label]) => ({
            location,
            language: 'en-us',
            dataset: 'Train',
            class: { category: label },
          })),
        ],
      },
    };
    const imported = await run(`${projectUrl('SupportTickets')}/:import?${V}`, file);
    expect(imported).toMatchObject({ status: 'succeeded', errors: [] });
    const after = await exportProject('SupportTickets');
    expect(after.assets.documents).toHaveLength(DEMO_TRAINING_TICKETS.length + 3);
    expect(after.assets.documents.slice(-3)).toEqual(file.assets.documents.slice(-3));

    // A blob that is not in the container fails the import and leaves the project as it was.
    const missing = {
      ...file,
      assets: {
        ...file.assets,
        documents: [
          ...file.assets.documents,
          { location: 'cc-run7-t4.txt', class: { category: 'Billing' } },
        ],
      },
    };
    const failed = await run(`${projectUrl('SupportTickets')}/:import?${V}`, missing);
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]?.message).toBe(
      "The document 'cc-run7-t4.txt' was not found in the storage container 'tickets-in'.",
    );
    expect((await exportProject('SupportTickets')).assets.documents).toHaveLength(
      DEMO_TRAINING_TICKETS.length + 3,
    );
  }, 40_000);

  it('says when the resource may not read a container (Azurite refuses the SAS of another one)', async () => {
    const movies = await exportProject('MovieGenres');
    const failed = await run(`${projectUrl('MovieGenres')}/:import?${V}`, movies);
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]).toMatchObject({ code: 'Forbidden' });
    expect(failed.errors[0]?.message).toContain('Storage Blob Data Contributor');
  }, 20_000);
});
