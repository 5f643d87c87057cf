// The PostgreSQL connection for several instances: a pool that fails fast
// when the database is down (so a page can say "try again" instead of
// hanging), the schema brought up to date at start-up, and the settings
// every instance must share.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePostgres } from '../drafts/migrations.ts';
import { reachable } from '../drafts/postgres-store.ts';

export interface Logger {
  warn(object: object, message: string): void;
}

/** The longest a request waits for a connection, and then for a query's answer. */
export const QUERY_TIMEOUT_MS = 2_000;

export function createPostgresPool(connectionString: string, log?: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // A database that is down answers "could not save, try again" within two seconds, not a hung page.
    connectionTimeoutMillis: QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // A database that is frozen (stopped, a full disk, a network that drops
    // packets) accepts a query on an open connection and never answers:
    // statement_timeout is the server's own clock and cannot help, so the
    // client gives up after this and drops the connection (issue 24, finding
    // 11: requests once hung 60 s). Every query here reads or writes one draft.
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: 10_000,
    application_name: 'contract-kit',
  });
  // An idle connection cut by a database restart must not crash the process;
  // the pool drops it and opens a new one on the next request.
  pool.on('error', (error) => log?.warn({ err: error }, 'PostgreSQL connection lost; the pool will reconnect'));
  return pool;
}

/** Applies pending migrations under an advisory lock (src/drafts/migrations.ts). */
export async function migrate(pool: pg.Pool): Promise<number> {
  return reachable(async () => {
    const client = await pool.connect();
    try {
      return await migratePostgres(client);
    } finally {
      client.release();
    }
  });
}

/**
 * A random secret stored once under `name` and read by every instance. The
 * primary key makes creation race-free: of two instances starting at once,
 * one insert wins and both read the winner's value.
 */
export async function loadOrCreateSharedSecret(pool: pg.Pool, name: string): Promise<string> {
  return loadOrCreateSharedValue(pool, name, () => randomBytes(32).toString('hex'));
}

/** A value made once by `make` and stored under `name` (the signing key's PEM); race-free as loadOrCreateSharedSecret. */
export async function loadOrCreateSharedValue(pool: pg.Pool, name: string, make: () => string): Promise<string> {
  return reachable(async () => {
    await pool.query('INSERT INTO shared_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, make()]);
    const { rows } = await pool.query<{ value: string }>('SELECT value FROM shared_settings WHERE name = $1', [name]);
    return rows[0]!.value;
  });
}
