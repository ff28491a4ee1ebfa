// Apart from the query, so that the QueryClient registers its defaults without the client.

/** The one key factory for deletion jobs; retries are registered on the QueryClient under `all`. */
export const deletionJobKeys = {
  all: ['deletion-job'] as const,
  detail: (jobUrl: string | undefined) => ['deletion-job', jobUrl] as const,
};
