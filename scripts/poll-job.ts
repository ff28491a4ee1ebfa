import type { QueryClient } from '@tanstack/react-query';
import { nextJobPoll, type jobPollOptions } from '../src/features/runs/job-query';
import { delay } from '../src/lib/delay';

/**
 * Polls a job the way the app's run runner does, with the same query options (and the retries the
 * app's QueryClient registers for them), until it is finished or a read gives up: the first read
 * waits for the schedule, each next one what `nextJobPoll` says.
 */
export async function pollUntilSettled(
  client: QueryClient,
  options: ReturnType<typeof jobPollOptions>,
  submittedAt: number,
  onError: (error: unknown) => void = () => undefined,
): Promise<'done' | 'error'> {
  let wait = nextJobPoll(undefined, submittedAt);
  while (wait !== false) {
    await delay(wait);
    try {
      wait = nextJobPoll(await client.query(options), submittedAt);
    } catch (error) {
      onError(error);
      return 'error';
    }
  }
  return 'done';
}
