import { setupWorker } from 'msw/browser';
import { DEMO_ENDPOINT } from './demo-settings';
import { createServiceHandlers } from './handlers';
import type { ServicePersistence } from './service-state';

/** The demo service in the browser: a service worker that answers only DEMO_ENDPOINT. */

interface DemoService {
  /** Forgets every demo job and brings deleted demo projects back. */
  reset(): void;
}

let started: Promise<DemoService> | undefined;

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
  const worker = setupWorker(...handlers);
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return { reset: () => handlers.state.reset() };
}

/** Safe to call many times; a failed start may be retried. */
export function startDemoService(): Promise<DemoService> {
  started ??= start().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}
