import { QueryClient } from '@tanstack/react-query';

/** One factory, so tests get a fresh client with the same defaults as the app. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
