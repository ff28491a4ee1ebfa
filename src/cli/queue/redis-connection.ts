import { Redis } from 'ioredis';
import { UsageError } from '../cli-args';

/**
 * A connection to the user's Redis (redis:// or rediss://, a managed Azure Cache for Redis as well).
 * BullMQ needs commands to wait across a reconnection rather than fail (`maxRetriesPerRequest: null`).
 */
export function connectRedis(url: string | undefined): Redis {
  if (!url) throw new UsageError('Give --redis URL, such as redis://127.0.0.1:6379.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--redis ${url} is not a URL; it looks like redis://127.0.0.1:6379.`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new UsageError(
      '--redis starts with redis:// (or rediss:// for TLS, as Azure Cache for Redis).',
    );
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}
