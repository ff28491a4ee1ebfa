import type { QueryClient } from '@tanstack/react-query';
import {
  readConnectionSettings,
  subscribeToConnection,
} from '../features/connection/connection-store';
import { checkCredentials } from '../features/connection/validate-connection';
import { RunCoordinator } from '../features/runs/run-coordinator';
import { createRunsRepository } from '../features/runs/runs-repository';

/** The key the form holds, when it is for this endpoint (as the browser calls it). */
function keyFor(endpoint: string): string | undefined {
  const credentials = checkCredentials(readConnectionSettings());
  return credentials?.endpoint === endpoint ? credentials.key : undefined;
}

/**
 * The page's runs: stored in IndexedDB, carried on after a reload, and told when the form's key
 * changes, so a run that waits for its key goes on by itself.
 */
export function createRuns(queryClient: QueryClient): RunCoordinator {
  const coordinator = new RunCoordinator({
    repository: createRunsRepository(),
    queryClient,
    keyFor,
  });
  let lastKey = readConnectionSettings().key;
  subscribeToConnection(() => {
    const { key, endpoint } = readConnectionSettings();
    if (`${endpoint}\n${key}` === lastKey) return;
    lastKey = `${endpoint}\n${key}`;
    coordinator.keyChanged();
  });
  void coordinator.resumeAll();
  return coordinator;
}
