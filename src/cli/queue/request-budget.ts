import { AsyncLocalStorage } from 'node:async_hooks';
import type { Redis } from 'ioredis';
import { delay } from '../../lib/delay';
import { setRequestGate } from '../../service/request-gate';
import type { QueueRate } from './queue-rate';

/**
 * BullMQ's limiter counts job steps; a step is one request, except the poll that finds a job done,
 * which also reads its other results pages. Those extra requests take their turn from the same
 * limiter key, the same way BullMQ does (count within the window, or wait for it to end), so the
 * rate every worker shares holds polls and pages too. A 429 sets that key (queue.rateLimit), so
 * these wait as well.
 */
const TAKE = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then return ttl end
  redis.call('DEL', KEYS[1])
end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** The step's first request was paid for when BullMQ handed the job over. */
const step = new AsyncLocalStorage<{ paid: boolean }>();

export function withinStep<T>(work: () => Promise<T>): Promise<T> {
  return step.run({ paid: true }, work);
}

/** Every request the service client makes in this process goes through the shared budget. */
export function shareRequestBudget(redis: Redis, limiterKey: string, rate: () => QueueRate): void {
  setRequestGate(async () => {
    const current = step.getStore();
    if (current?.paid) {
      current.paid = false;
      return undefined;
    }
    for (;;) {
      const { max, duration } = rate();
      const wait = Number(await redis.eval(TAKE, 1, limiterKey, max, duration));
      if (wait <= 0) return undefined;
      await delay(wait);
    }
  });
}
