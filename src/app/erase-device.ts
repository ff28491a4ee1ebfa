import type { QueryClient } from '@tanstack/react-query';
import { eraseServiceState } from '../demo/service-state';
import { eraseConnection } from '../features/connection/connection-store';
import { eraseDocuments } from '../features/documents/documents-store';
import { eraseRuns } from '../features/runs/store/runs-repository';
import { eraseRunsUi } from '../features/runs/ui/runs-ui-store';
import { loadedRuns } from './lazy-runs';
import { tellOtherTabsErased } from './erase-signal';

/** Every name this app gives its entries and databases starts so. */
const APP_PREFIX = 'classify-console';

function sweep(storage: Storage): void {
  for (const name of Object.keys(storage)) {
    if (name.startsWith(APP_PREFIX)) storage.removeItem(name);
  }
}

/** Databases of this app that no feature named (added later, or left by an older version). */
async function sweepDatabases(): Promise<void> {
  if (typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .flatMap(({ name }) => (name?.startsWith(APP_PREFIX) ? [name] : []))
      .map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}.`));
          }),
      ),
  );
}

/** The demo's service worker: a first visit has none until the demo is used. */
async function unregisterServiceWorkers(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
}

/**
 * Erase all data on this device: runs (IndexedDB), the documents draft and imported set,
 * the settings, the remembered key, the resource caches (the query cache), the demo's jobs and
 * the colour scheme. Each feature erases its own; the sweep then takes anything left under the
 * app's names (the colour scheme's entry among them). The caller reloads the page, which then opens as on a first visit.
 */
export async function eraseAllData(queryClient: QueryClient): Promise<void> {
  // Runners stop first: nothing may send or write while the data goes.
  const coordinator = await loadedRuns(queryClient);
  coordinator?.stopAll();
  await queryClient.cancelQueries();
  queryClient.clear();
  eraseConnection();
  await Promise.all([eraseRuns(coordinator?.repository), eraseDocuments()]);
  eraseRunsUi();
  eraseServiceState(localStorage);
  sweep(localStorage);
  sweep(sessionStorage);
  await sweepDatabases();
  await unregisterServiceWorkers();
  tellOtherTabsErased();
}
