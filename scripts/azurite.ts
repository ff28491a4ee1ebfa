import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BlobServiceClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { freePort } from './free-port';

/**
 * A real Azure Storage emulator for tests: Azurite's blob service on a free loopback port with a
 * temporary folder, started here and stopped with `stop()` (never mocked). It gives container SAS
 * URLs signed with the emulator's well-known account key, which is public.
 */

/** Azurite's documented development account and key (not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const BIN = join(process.cwd(), 'node_modules', '.bin', 'azurite-blob');

export interface AzuriteOptions {
  /** Containers to create at once. */
  containers?: readonly string[];
  /** Origins allowed by a CORS rule (a browser talking to the emulator needs its own). */
  corsOrigins?: readonly string[];
}

export interface RunningAzurite {
  /** `http://127.0.0.1:{port}/devstoreaccount1` */
  accountUrl: string;
  service: BlobServiceClient;
  /** A SAS URL for the container, read/add/create/write/delete/list unless told fewer, valid a day. */
  containerSasUrl(container: string, permissions?: string): string;
  createContainer(container: string): Promise<void>;
  stop(): Promise<void>;
}

async function waitUntilListening(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Azurite exited with ${child.exitCode}: ${output()}`);
    }
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`Azurite did not listen within 20 s: ${output()}`);
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const location = await mkdtemp(join(tmpdir(), 'classify-azurite-'));
  const port = await freePort();
  const child = spawn(
    BIN,
    [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--location',
      location,
      '--loose',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (running()) child.kill('SIGKILL');
    }
    await rm(location, { recursive: true, force: true });
  };

  const accountUrl = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  try {
    await waitUntilListening(accountUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
  const service = new BlobServiceClient(accountUrl, credential);

  if (options.corsOrigins?.length) {
    await service.setProperties({
      cors: [
        {
          allowedOrigins: options.corsOrigins.join(','),
          allowedMethods: 'DELETE,GET,HEAD,MERGE,POST,OPTIONS,PUT',
          allowedHeaders: '*',
          exposedHeaders: '*',
          maxAgeInSeconds: 500,
        },
      ],
    });
  }

  const createContainer = async (container: string) => {
    await service.getContainerClient(container).createIfNotExists();
  };
  for (const container of options.containers ?? []) await createContainer(container);

  return {
    accountUrl,
    service,
    createContainer,
    containerSasUrl(container, permissions = 'racwdl') {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: container,
          permissions: ContainerSASPermissions.parse(permissions),
          startsOn: new Date(Date.now() - 60_000),
          expiresOn: new Date(Date.now() + 24 * 60 * 60 * 1000),
        },
        credential,
      );
      return `${accountUrl}/${container}?${sas.toString()}`;
    },
    stop,
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

/** `npx tsx scripts/azurite.ts [container] [origin]`: an emulator for trying the app by hand. */
if (invokedDirectly) {
  const container = process.argv[2] ?? 'support-tickets';
  const origin = process.argv[3] ?? '*';
  const azurite = await startAzurite({ containers: [container], corsOrigins: [origin] });
  console.log(`Azurite listening at ${azurite.accountUrl}`);
  console.log(`container SAS URL: ${azurite.containerSasUrl(container)}`);
  const stop = () => void azurite.stop().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
