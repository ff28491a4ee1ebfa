import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { use, useMemo, type ReactNode } from 'react';
import type { RunCoordinator } from '../features/runs/engine/run-coordinator';
import { RunsProvider } from '../features/runs/ui/runs-context';
import { whenIdle } from '../lib/when-idle';

const loaded = new WeakMap<QueryClient, Promise<RunCoordinator>>();
/** The coordinators already loaded: a submit then reaches its own without a turn of the event loop. */
const ready = new WeakMap<QueryClient, RunCoordinator>();

/**
 * The page's runs (IndexedDB, runners, their polling), loaded after the first paint: the form does
 * not need them to show. One coordinator per query client; the first call resumes unfinished runs.
 */
function loadRuns(queryClient: QueryClient): Promise<RunCoordinator> {
  let runs = loaded.get(queryClient);
  if (!runs) {
    runs = import('./runs').then(({ createRuns }) => {
      const coordinator = createRuns(queryClient);
      ready.set(queryClient, coordinator);
      return coordinator;
    });
    loaded.set(queryClient, runs);
  }
  return runs;
}

/** The page's runs if they were loaded, without loading them (Erase all data stops them). */
export function loadedRuns(queryClient: QueryClient): Promise<RunCoordinator | undefined> {
  return loaded.get(queryClient) ?? Promise.resolve(undefined);
}

/** Starts the runs when the browser is idle after the first paint (runs left by a reload resume). */
export function loadRunsWhenIdle(queryClient: QueryClient): void {
  whenIdle(() => void loadRuns(queryClient));
}

/** Provides the coordinator below it once loaded; suspends until then. */
export function RunsGate({ children }: { children: ReactNode }) {
  const coordinator = use(loadRuns(useQueryClient()));
  return <RunsProvider coordinator={coordinator}>{children}</RunsProvider>;
}

type StartingCoordinator = Pick<RunCoordinator, 'startRun' | 'rerun' | 'remove' | 'wake'>;

/**
 * For the form, which renders before the runs are loaded: each action waits for the coordinator.
 * Inside a RunsGate, the real one (features/runs/runs-context) can be used as well.
 */
export function useRunCoordinator(): StartingCoordinator {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const runs = () => loadRuns(queryClient);
    return {
      // Called in the click itself: with the coordinator loaded, the run's first write starts
      // before React renders the click (an await here would put that render first).
      startRun: (input) =>
        ready.get(queryClient)?.startRun(input) ??
        runs().then((coordinator) => coordinator.startRun(input)),
      rerun: async (runId, settings) => (await runs()).rerun(runId, settings),
      remove: async (runId) => (await runs()).remove(runId),
      wake: async (runId) => (await runs()).wake(runId),
    };
  }, [queryClient]);
}
