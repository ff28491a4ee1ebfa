import { createContext, use, type ReactNode } from 'react';
import type { RunCoordinator } from '../engine/run-coordinator';

const RunsContext = createContext<RunCoordinator | undefined>(undefined);

export function RunsProvider({
  coordinator,
  children,
}: {
  coordinator: RunCoordinator;
  children: ReactNode;
}) {
  return <RunsContext value={coordinator}>{children}</RunsContext>;
}

export function useRunCoordinator(): RunCoordinator {
  const coordinator = use(RunsContext);
  if (!coordinator) throw new Error('useRunCoordinator needs a RunsProvider above it.');
  return coordinator;
}
