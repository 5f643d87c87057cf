// Redis for the rate limit's counters when several instances share one
// address: one budget per client address, whichever instance answers.
//
// Limits fail open: with Redis unreachable or frozen every request is served.
// A limit guards against abuse; failing closed would turn every user away
// because a counter store is down, which is worse than a few minutes without
// limits (the connection cap, body limits and raw caps still hold). The
// outage is logged through the same once-a-minute log as PostgreSQL's
// (outage-log.ts), whether Redis refuses connections (the client's 'error'
// event) or accepts them and never answers (a command that times out, which
// emits no event: issue 24, finding 11, "Redis frozen: nothing logged").
import { createRequire } from 'node:module';
import { Redis } from 'ioredis';
import { outageLog, type OutageLog } from './outage-log.ts';

export interface Logger {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

/** The longest a request waits for Redis's answer before it is served without its limit. */
export const COMMAND_TIMEOUT_MS = 500;
/**
 * After a command fails, requests skip Redis for this long (served without
 * their limit) instead of each waiting COMMAND_TIMEOUT_MS for a frozen
 * server; then one request tries again.
 */
export const SKIP_AFTER_FAILURE_MS = 5_000;

export interface RedisConnection {
  readonly redis: Redis;
  /** Where every failure to reach Redis is told, to be logged once a minute. */
  readonly outage: OutageLog;
}

export function createRedis(url: string, log: Logger, clock: () => number = Date.now): RedisConnection {
  const redis = new Redis(url, {
    // Commands while disconnected fail at once instead of queueing, so a
    // request never waits for Redis to come back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    // A server that holds the connection and never answers (stopped, a
    // network dropping packets): the command fails after this.
    commandTimeout: COMMAND_TIMEOUT_MS,
    // Keep trying in the background, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  const outage = outageLog(
    log,
    { down: 'Redis unreachable: rate limits are not enforced until it is back', back: 'Redis reachable again: rate limits enforced' },
    clock,
  );
  redis.on('error', (error: Error) => outage.failed(error));
  redis.on('ready', () => outage.succeeded());
  return { redis, outage };
}

type Callback = (error: Error | null, result: { current: number; ttl: number } | null) => void;
interface RateLimitStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  read?(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): RateLimitStore;
}
type RedisStoreClass = new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key: string) => RateLimitStore;

// @fastify/rate-limit's own Redis store (its Lua script, its keys), wrapped
// below: the plugin swallows a store's errors when skipOnError is set, so
// only a wrapper can see them. The package has no exports map and no types for it.
const RedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as RedisStoreClass;

const NAME_SPACE = 'contract-kit:rate-limit:';

/** A store that tells `outage` of every failure and skips Redis for a while after one. */
function guardedStore(inner: RateLimitStore, state: { skipUntil: number }, outage: OutageLog, clock: () => number): RateLimitStore {
  const guard = (method: 'incr' | 'read') => (key: string, callback: Callback, timeWindow: number, max: number) => {
    if (clock() < state.skipUntil) return callback(new Error('Redis skipped after a recent failure'), null);
    inner[method]!(
      key,
      (error, result) => {
        if (error) {
          state.skipUntil = clock() + SKIP_AFTER_FAILURE_MS;
          outage.failed(error);
        } else {
          outage.succeeded();
        }
        callback(error, result);
      },
      timeWindow,
      max,
    );
  };
  return {
    incr: guard('incr'),
    ...(inner.read ? { read: guard('read') } : {}),
    child: (routeOptions) => guardedStore(inner.child(routeOptions), state, outage, clock),
  };
}

/** What @fastify/rate-limit needs to keep its counters in Redis and fail open. */
export function redisRateLimitOptions(connection: RedisConnection | undefined, clock: () => number = Date.now) {
  if (!connection) return {};
  const { redis, outage } = connection;
  // One skip window for every budget: they share the connection, so an outage is one outage.
  const state = { skipUntil: -Infinity };
  class Store {
    constructor(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      return guardedStore(new RedisStore(params.continueExceeding ?? false, params.exponentialBackoff ?? false, redis, NAME_SPACE), state, outage, clock);
    }
  }
  return { store: Store, skipOnError: true };
}
