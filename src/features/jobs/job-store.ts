import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** What the app follows: the job's URL and when it was sent. Server data stays in React Query. */
export interface TrackedJob {
  jobUrl: string;
  endpoint: string;
  submittedAt: number;
  documentCount: number;
}

interface JobState {
  job: TrackedJob | undefined;
  actions: { track: (job: TrackedJob) => void; clear: () => void };
}

const useJobStore = create<JobState>()(
  persist(
    (set) => ({
      job: undefined,
      actions: {
        track: (job) => set({ job }),
        clear: () => set({ job: undefined }),
      },
    }),
    {
      name: 'classify-console:job',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ job }) => ({ job }),
    },
  ),
);

export const useTrackedJob = () => useJobStore((state) => state.job);
export const useJobActions = () => useJobStore((state) => state.actions);
