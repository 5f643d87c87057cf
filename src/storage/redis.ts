// Redis for the rate limit's counters when several instances share one
// address: one budget per client address, whichever instance answers.
// Limits fail open: with Redis unreachable every request is served (a limit
// is a guard against abuse, not a reason to turn users away), and the
// outage is logged at most once a minute instead of once a request.
import { Redis } from 'ioredis';

export interface Logger {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

export const LOG_EVERY_MS = 60_000;

export function createRedis(url: string, log: Logger, clock: () => number = Date.now): Redis {
  const redis = new Redis(url, {
    // Commands while disconnected fail at once instead of queueing, so a
    // request never waits for Redis to come back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 500,
    // Keep trying in the background, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastWarning = -Infinity;
  let failing = false;
  redis.on('error', (error: Error) => {
    failing = true;
    const now = clock();
    if (now - lastWarning < LOG_EVERY_MS) return;
    lastWarning = now;
    log.warn({ err: { message: error.message } }, 'Redis unreachable: rate limits are not enforced until it is back');
  });
  redis.on('ready', () => {
    if (failing) log.info({}, 'Redis reachable again: rate limits enforced');
    failing = false;
  });
  return redis;
}

/** What @fastify/rate-limit needs to keep its counters in Redis and fail open. */
export function redisRateLimitOptions(redis: Redis | undefined) {
  return redis ? { redis, skipOnError: true, nameSpace: 'contract-kit:rate-limit:' } : {};
}
