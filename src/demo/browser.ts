import { setupWorker } from 'msw/browser';
import { createBlobHandlers } from './blob-handlers';
import { DEMO_ENDPOINT } from './demo-settings';
import { createServiceHandlers } from './handlers';
import type { ServicePersistence } from './service-state';

/**
 * The demo service in the browser: a service worker that answers only DEMO_ENDPOINT and the demo
 * storage account (DEMO_STORAGE_ACCOUNT_URL, reached with `demoContainerSasUrl`).
 */

interface DemoService {
  /** Forgets every demo job and brings deleted demo projects back. */
  reset(): void;
}

let started: Promise<DemoService> | undefined;
let worker: ReturnType<typeof setupWorker> | undefined;
/**
 * The worker's (re)activation while it answers this page's requests, undefined while paused (only
 * Azure used): every demo request awaits the same one, so none leaves before the worker answers.
 */
let answering: Promise<unknown> | undefined;

const START_OPTIONS = {
  quiet: true,
  onUnhandledRequest: 'bypass',
  serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
} as const;

/** Starts (or resumes) the worker answering, once for all who ask meanwhile; a failure may be retried. */
function answer(active: ReturnType<typeof setupWorker>): Promise<unknown> {
  answering ??= active.start(START_OPTIONS).catch((error: unknown) => {
    answering = undefined;
    throw error;
  });
  return answering;
}

/** Reading `localStorage` throws where storage is disabled; the demo then lives in memory. */
function demoStorage(): ServicePersistence | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

async function start(): Promise<DemoService> {
  const handlers = createServiceHandlers({
    origin: DEMO_ENDPOINT,
    persistence: demoStorage(),
    cors: true,
  });
  worker = setupWorker(...handlers, ...createBlobHandlers(handlers.state.blobs));
  await answer(worker);
  return { reset: () => handlers.state.reset() };
}

/** Safe to call many times; a failed start may be retried; a paused worker answers again. */
export async function startDemoService(): Promise<DemoService> {
  started ??= start().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  const service = await started;
  if (worker) await answer(worker);
  return service;
}

/**
 * Stops the worker handling this page's requests. While it answers, every request, to Azure too,
 * goes from the service worker to this page's thread to be matched and let through: work on the
 * page and a detour for each poll. The worker stays registered; startDemoService resumes it.
 */
export function pauseDemoService(): void {
  if (!answering || !worker) return;
  answering = undefined;
  worker.stop();
}
