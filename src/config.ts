// Every setting the server reads from its environment, with the defaults a
// fresh machine needs: `npm start` works with none of them set.
import { resolve } from 'node:path';
import { signingKeyFromPem } from './engagements/seal.ts';

export interface AppConfig {
  /** Largest request body accepted, in bytes (BODY_LIMIT_BYTES, default 1 MB). */
  readonly bodyLimitBytes: number;
  /** Seconds a client has to send a whole request, headers and body (REQUEST_TIMEOUT_SECONDS, default 30). */
  readonly requestTimeoutSeconds: number;
  /** Where drafts are stored (DATA_DIR, default ./data). */
  readonly dataDir: string;
  /** Days an untouched draft is kept (DRAFT_TTL_DAYS, default 30). */
  readonly draftTtlDays: number;
  /** Documents per minute per address on the generating endpoints (RATE_LIMIT_PER_MINUTE, default 60; 0 turns it off). */
  readonly rateLimitPerMinute: number;
  /**
   * Which X-Forwarded-* entries to believe (TRUST_PROXY): false (unset), a
   * number of proxy hops in front of the app (1: the rightmost entry, the one
   * the nearest proxy wrote), or the proxies' addresses or CIDR ranges. Never
   * the leftmost entry, which any client can write.
   */
  readonly trustProxy: TrustProxy;
  /** Secret for signing cookies and CSRF tokens (COOKIE_SECRET; when unset, one generated once and kept in DATA_DIR). */
  readonly cookieSecret?: string;
  /** pino log level (LOG_LEVEL, default info; "silent" turns logging off). */
  readonly logLevel: string;
  /** PostgreSQL for drafts and the CSRF secret, shared by several instances (DATABASE_URL); SQLite in dataDir when unset. */
  readonly databaseUrl?: string;
  /** Redis for the rate limit's counters, shared by several instances (REDIS_URL); in memory when unset. */
  readonly redisUrl?: string;
  /** Serve GET /metrics in Prometheus format (METRICS, default on; 0 turns it off). */
  readonly metrics: boolean;
  /** Years an engagement and its signature record are kept (ENGAGEMENT_RETENTION_YEARS, default 7). */
  readonly engagementRetentionYears: number;
  /** The Ed25519 key that seals signature records, as PKCS#8 PEM (SIGNING_KEY; when unset, one generated once and kept with the data). */
  readonly signingKey?: string;
  /** When set, GET /metrics answers only `Authorization: Bearer <token>` (METRICS_TOKEN). */
  readonly metricsToken?: string;
  /** Sockets held open at once; past it a new connection is closed at once (MAX_CONNECTIONS, default 256). */
  readonly maxConnections: number;
}

/**
 * Enough for hundreds of visitors at once (a browser holds a few sockets, an
 * idle one is closed after 5 s), and a bound on what sockets that send a
 * body and stop can hold: each may keep up to BODY_LIMIT_BYTES until
 * REQUEST_TIMEOUT_SECONDS cuts it.
 */
export const DEFAULT_MAX_CONNECTIONS = 256;

export type TrustProxy = false | number | readonly string[];

/** TRUST_PROXY: unset, a hop count ("1"), or a comma-separated list of proxy addresses ("10.0.0.1, 10.1.0.0/16"). */
export function trustProxyFrom(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0' || value.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  // "true" once meant "trust every hop", which believes the client-written leftmost address.
  if (['true', 'yes'].includes(value.toLowerCase())) return 1;
  const addresses = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  for (const address of addresses) {
    if (!/^[\d.:a-f]+(?:\/\d{1,3})?$/i.test(address)) {
      throw new Error(`TRUST_PROXY must be a number of proxy hops (such as 1) or a comma-separated list of proxy addresses, not "${raw}"`);
    }
  }
  return addresses;
}

export interface ServerConfig extends AppConfig {
  readonly port: number;
  readonly host: string;
  /** Seconds between SIGTERM turning /readyz to 503 and the server closing (DRAIN_SECONDS, default 0). */
  readonly drainSeconds: number;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL such as ${protocols[0]}//host:port/…, not a malformed value`);
  }
  if (!protocols.includes(parsed.protocol)) throw new Error(`${name} must start with ${protocols.join(' or ')}, not "${parsed.protocol}"`);
  return raw;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be 1 or 0, not "${env[name]}"`);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return value;
}

/** SIGNING_KEY checked at start-up, so a wrong key stops the server with the setting named. */
function signingKeySetting(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // A PEM in one environment line may carry its line breaks as "\n".
  const pem = raw.replaceAll('\\n', '\n');
  try {
    signingKeyFromPem(pem);
  } catch (error) {
    throw new Error(`SIGNING_KEY: ${(error as Error).message}`, { cause: error });
  }
  return pem;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 3000, 0),
    host: env.HOST || 'localhost',
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024),
    requestTimeoutSeconds: integer(env, 'REQUEST_TIMEOUT_SECONDS', 30, 1),
    dataDir: resolve(env.DATA_DIR || 'data'),
    draftTtlDays: integer(env, 'DRAFT_TTL_DAYS', 30, 1),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 60, 0),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    cookieSecret: env.COOKIE_SECRET || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    metrics: flag(env, 'METRICS', true),
    engagementRetentionYears: integer(env, 'ENGAGEMENT_RETENTION_YEARS', 7, 1),
    signingKey: signingKeySetting(env.SIGNING_KEY),
    metricsToken: env.METRICS_TOKEN || undefined,
    maxConnections: integer(env, 'MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS, 1),
    drainSeconds: integer(env, 'DRAIN_SECONDS', 0, 0),
  };
}
