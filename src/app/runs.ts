import type { QueryClient } from '@tanstack/react-query';
import {
  readConnectionSettings,
  subscribeToConnection,
} from '../features/connection/connection-store';
import { checkCredentials } from '../features/connection/validate-connection';
import { watchPageLeaving } from '../features/runs/engine/page-leaving';
import { RunCoordinator } from '../features/runs/engine/run-coordinator';
import { browserLocks } from '../features/runs/engine/run-lock';
import type { RunSecret } from '../features/runs/engine/run-service';
import { createRunsRepository } from '../features/runs/store/runs-repository';

/** The key or token the form holds, when it is for this endpoint (as the browser calls it). */
function secretFor(endpoint: string): RunSecret | undefined {
  const credentials = checkCredentials(readConnectionSettings());
  if (credentials?.endpoint !== endpoint) return undefined;
  const { endpoint: _endpoint, ...secret } = credentials;
  return secret;
}

/**
 * The page's runs: stored in IndexedDB, carried on after a reload, and told when the form's key
 * changes, so a run that waits for its key goes on by itself.
 */
export function createRuns(queryClient: QueryClient): RunCoordinator {
  const coordinator = new RunCoordinator({
    repository: createRunsRepository(),
    queryClient,
    secretFor,
    // One tab drives each run; the others watch it and take over if that tab closes.
    locks: browserLocks(),
    page: watchPageLeaving(),
  });
  // Compared as the runs see them (endpoint, secret and scheme), so a pasted token counts too.
  const credentialsNow = () => JSON.stringify(checkCredentials(readConnectionSettings()) ?? null);
  let last = credentialsNow();
  subscribeToConnection(() => {
    const current = credentialsNow();
    if (current === last) return;
    last = current;
    coordinator.keyChanged();
  });
  void coordinator.resumeAll();
  return coordinator;
}
