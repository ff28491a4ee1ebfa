import type { QueryClient } from '@tanstack/react-query';
import type { Credentials } from '../../../service/http';
import { cancelJob, submitJob, type JobPoll } from '../../../service/jobs';
import type { JobInput } from '../../../service/model';
import { jobPollOptions } from './job-poll-options';

/** The secret a run's calls carry: a key, or an access token (`scheme: 'bearer'`). Never stored. */
export type RunSecret = Pick<Credentials, 'key' | 'scheme'>;

/** The service calls a run makes; injected so that tests and scripts can stand in for them. */
export interface RunService {
  submit: (input: JobInput, secret: RunSecret) => Promise<string>;
  poll: (jobUrl: string, credentials: Credentials) => Promise<JobPoll>;
  cancel: (jobUrl: string, credentials: Credentials) => Promise<void>;
}

/** The real calls; polls go through the QueryClient, which owns network reads. */
export function defaultService(queryClient: QueryClient): RunService {
  return {
    submit: submitJob,
    poll: (jobUrl, credentials) => queryClient.query(jobPollOptions(jobUrl, credentials)),
    cancel: cancelJob,
  };
}
