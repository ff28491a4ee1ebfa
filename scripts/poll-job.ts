import type { QueryClient } from '@tanstack/react-query';
import { nextJobPoll, type jobQueryOptions } from '../src/features/jobs/job-query';
import { delay } from '../src/lib/delay';

/**
 * Polls a job the way the UI does, with the same query options, until it is finished or the
 * query gives up. React Query runs no intervals outside a browser, so this loop waits what the
 * query's `refetchInterval` (the same `nextJobPoll`) would.
 */
export async function pollUntilSettled(
  client: QueryClient,
  options: ReturnType<typeof jobQueryOptions>,
  submittedAt: number,
): Promise<'done' | 'error'> {
  for (;;) {
    let wait: number | false;
    try {
      wait = nextJobPoll(await client.query({ ...options, staleTime: 0 }), submittedAt);
    } catch {
      return 'error';
    }
    if (wait === false) return 'done';
    await delay(wait);
  }
}
