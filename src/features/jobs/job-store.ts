import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * The jobs this browser submitted: enough to find each again after a reload (results stay on the
 * service for 24 h). The results themselves are server data and stay in React Query.
 */
export interface TrackedJob {
  jobUrl: string;
  endpoint: string;
  submittedAt: number;
  documentIds: string[];
  /** Last status seen, so the history reads right before the first poll after a reload. */
  jobId?: string;
  status?: string;
}

interface JobState {
  jobs: TrackedJob[];
  /** The job on screen. */
  selectedUrl: string | undefined;
  actions: {
    track: (job: TrackedJob) => void;
    select: (jobUrl: string | undefined) => void;
    forget: (jobUrl: string) => void;
  };
}

const MAX_TRACKED_JOBS = 50;

const useJobStore = create<JobState>()(
  persist(
    (set) => ({
      jobs: [],
      selectedUrl: undefined,
      actions: {
        track: (job) =>
          set((state) => ({
            jobs: [job, ...state.jobs.filter((j) => j.jobUrl !== job.jobUrl)].slice(
              0,
              MAX_TRACKED_JOBS,
            ),
            selectedUrl: job.jobUrl,
          })),
        select: (selectedUrl) => set({ selectedUrl }),
        forget: (jobUrl) =>
          set((state) => ({
            jobs: state.jobs.filter((job) => job.jobUrl !== jobUrl),
            selectedUrl: state.selectedUrl === jobUrl ? undefined : state.selectedUrl,
          })),
      },
    }),
    {
      name: 'classify-console:jobs',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ jobs, selectedUrl }) => ({ jobs, selectedUrl }),
    },
  ),
);

export const useTrackedJobs = () => useJobStore((state) => state.jobs);
export const useTrackedJob = () =>
  useJobStore((state) => state.jobs.find((job) => job.jobUrl === state.selectedUrl));
export const useJobActions = () => useJobStore((state) => state.actions);

/** Called by the poller as answers arrive; outside React so the fetcher can record what it saw. */
export function recordJobStatus(jobUrl: string, jobId: string, status: string): void {
  const known = useJobStore.getState().jobs.find((job) => job.jobUrl === jobUrl);
  if (!known || (known.status === status && known.jobId === jobId)) return;
  useJobStore.setState((state) => ({
    jobs: state.jobs.map((job) => (job.jobUrl === jobUrl ? { ...job, jobId, status } : job)),
  }));
}

/** Adds a job to the history without putting it on screen (jobs of a batch). */
export function rememberJob(job: TrackedJob): void {
  useJobStore.setState((state) => ({
    jobs: [job, ...state.jobs.filter((j) => j.jobUrl !== job.jobUrl)].slice(0, MAX_TRACKED_JOBS),
  }));
}
