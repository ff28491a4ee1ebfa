import { queryOptions } from '@tanstack/react-query';
import { delay } from '../../lib/delay';
import type { Credentials } from '../../service/http';
import { fetchJob, type JobPoll } from '../../service/jobs';
import { isFinished } from '../../service/model';
import { recordJobStatus } from './job-store';
import { FIRST_POLL_MS, nextPollDelay, POLL_QUERY_DEFAULTS } from '../../service/polling';

/** Milliseconds until the next poll, or false once the job has finished. */
export function nextJobPoll(poll: JobPoll | undefined, submittedAt: number): number | false {
  if (poll && isFinished(poll.snapshot.phase)) return false;
  return nextPollDelay(Date.now() - submittedAt, poll?.retryAfterMs);
}

const steady = () => 1;

/**
 * Polls a job until it finishes; the interval is a function of the last answer and the job's age,
 * stretched by `slowdown()` (a batch under throttling polls less to leave requests for the rest).
 */
export function jobQueryOptions(
  jobUrl: string,
  submittedAt: number,
  credentials: Credentials,
  slowdown: () => number = steady,
) {
  // The key identifies the job; the credentials stay out of it so the key is never cached or logged.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['job', jobUrl],
    queryFn: async ({ signal }) => {
      // A job is never done right after submission: the first poll waits for the schedule.
      await delay(submittedAt + FIRST_POLL_MS - Date.now(), signal);
      const poll = await fetchJob(jobUrl, credentials, signal);
      recordJobStatus(jobUrl, poll.snapshot.jobId, poll.snapshot.status);
      return poll;
    },
    refetchInterval: (query) => {
      const wait =
        query.state.status === 'error' ? false : nextJobPoll(query.state.data, submittedAt);
      return wait === false ? false : wait * slowdown();
    },
    ...POLL_QUERY_DEFAULTS,
  });
}
