import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { z } from 'zod';
import type { AddAs } from './training-set';

/** What the user chose in a run's "Improve the model": UI state, kept across reloads. */
export interface ImproveChoices {
  includeGold: boolean;
  addAs: AddAs;
}

export const DEFAULT_IMPROVE_CHOICES: ImproveChoices = { includeGold: false, addAs: 'split' };

/** Choices of this many runs are kept (the most recently changed); older ones fall back to defaults. */
const RUNS_KEPT = 50;

const choicesSchema = z.object({
  includeGold: z.boolean(),
  addAs: z.enum(['Train', 'Test', 'split']),
});
const persistedSchema = z.object({ byRun: z.record(z.string(), choicesSchema) });

interface ImproveChoicesState {
  byRun: Record<string, ImproveChoices>;
  actions: { choose: (runId: string, choices: Partial<ImproveChoices>) => void };
}

const useImproveChoicesStore = create<ImproveChoicesState>()(
  persist(
    (set) => ({
      byRun: {},
      actions: {
        choose: (runId, choices) =>
          set(({ byRun }) => {
            const { [runId]: current, ...others } = byRun;
            // The newest last: the oldest runs are the first entries to go.
            const kept = Object.entries(others).slice(-(RUNS_KEPT - 1));
            return {
              byRun: {
                ...Object.fromEntries(kept),
                [runId]: { ...DEFAULT_IMPROVE_CHOICES, ...current, ...choices },
              },
            };
          }),
      },
    }),
    {
      name: 'classify-console:improve-choices',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ byRun }) => ({ byRun }),
      // Parsed, never trusted: a damaged entry means the defaults, not a broken region.
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        return parsed.success ? { ...current, byRun: parsed.data.byRun } : current;
      },
    },
  ),
);

/** Forgets every run's choices (this tab's and the stored copy): for a clean slate in tests. */
export function forgetImproveChoices(): void {
  useImproveChoicesStore.setState({ byRun: {} });
}

export const useImproveChoices = (runId: string): ImproveChoices =>
  useImproveChoicesStore((state) => state.byRun[runId] ?? DEFAULT_IMPROVE_CHOICES);
export const useImproveChoicesActions = () => useImproveChoicesStore((state) => state.actions);
