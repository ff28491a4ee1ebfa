import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** The most classes the matrix and the per-class table list; the rest are folded into "Other". */
export const MAX_CLASSES_SHOWN = 50;

/** How the evaluation is looked at: UI state only, kept across reloads. */
interface EvaluationViewState {
  /** Classes listed in the matrix and the per-class table (the most frequent), 1 to 50. */
  classesShown: number;
  /** The field the Slices table groups by; none until the user picks one. */
  sliceBy: string | null;
  actions: {
    setClassesShown: (count: number) => void;
    setSliceBy: (name: string | null) => void;
  };
}

/** A whole number from 1 to MAX_CLASSES_SHOWN; anything else is the maximum. */
function clampClassesShown(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MAX_CLASSES_SHOWN;
  return Math.min(MAX_CLASSES_SHOWN, Math.max(1, Math.round(value)));
}

const useEvaluationViewStore = create<EvaluationViewState>()(
  persist(
    (set) => ({
      classesShown: MAX_CLASSES_SHOWN,
      sliceBy: null,
      actions: {
        setClassesShown: (count) => set({ classesShown: clampClassesShown(count) }),
        setSliceBy: (sliceBy) => set({ sliceBy }),
      },
    }),
    {
      name: 'classify-console:evaluation-view',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ classesShown, sliceBy }) => ({ classesShown, sliceBy }),
      merge: (persisted, current) => {
        const field = (name: string): unknown =>
          typeof persisted === 'object' && persisted !== null
            ? Reflect.get(persisted, name)
            : undefined;
        const sliceBy = field('sliceBy');
        return {
          ...current,
          classesShown: clampClassesShown(field('classesShown')),
          sliceBy: typeof sliceBy === 'string' ? sliceBy : null,
        };
      },
    },
  ),
);

export const useClassesShown = () => useEvaluationViewStore((state) => state.classesShown);
export const useSliceBy = () => useEvaluationViewStore((state) => state.sliceBy);
export const useEvaluationViewActions = () => useEvaluationViewStore((state) => state.actions);
