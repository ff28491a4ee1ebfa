/**
 * The rate every worker shares, as BullMQ's limiter counts it: at most `max` job steps (one
 * request each) per `duration` ms. Short windows keep requests evenly spread, as the service's own
 * bucket expects (900 a minute: 3 every 200 ms, never 900 in the first second).
 */
export interface QueueRate {
  max: number;
  duration: number;
}

export const DEFAULT_REQUESTS_PER_MINUTE = 900;

export function queueRate(requestsPerMinute: number): QueueRate {
  const max = Math.max(1, Math.floor(requestsPerMinute / 300));
  return { max, duration: Math.ceil((max * 60_000) / requestsPerMinute) };
}

export function requestsPerMinuteOf({ max, duration }: QueueRate): number {
  return Math.floor((max * 60_000) / duration);
}
