// Drafts in PostgreSQL, for several instances behind one address: any
// instance can serve the next step of any draft. Every error that means
// "the database cannot be reached right now" becomes a
// DraftStoreUnavailableError, which the pages turn into a 503 that keeps
// what the user typed.
import type { Pool, PoolClient } from 'pg';
import { checkTtlDays, expiryFrom, isDraftIdShape, newDraftId, toDraft, type DraftFields } from './draft-record.ts';
import { DraftStoreUnavailableError, type Draft, type DraftAnswers, type DraftStore } from './store.ts';
import type { OutageLog } from '../storage/outage-log.ts';

export interface PostgresDraftStoreOptions {
  /** A pool on a migrated database (src/storage/postgres.ts); the store ends it on close. */
  readonly pool: Pool;
  /** Days an untouched draft is kept; every save starts the count again. */
  readonly ttlDays: number;
  /** The clock, replaceable so tests can travel in time. Timestamps come from the app, not the database. */
  readonly now?: () => Date;
  /** Where "the database cannot be reached" is logged, once a minute (src/storage/outage-log.ts). */
  readonly outage?: OutageLog;
}

/** Optimistic tries before a save takes the row lock. */
const OPTIMISTIC_ATTEMPTS = 3;

/** Any fixed 64-bit number, distinct from the migrations' lock. */
export const SWEEP_LOCK_KEY = 7_231_640_002;

interface DraftRow {
  id: string;
  answers: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
}

const toFields = (row: DraftRow): DraftFields => ({
  id: row.id,
  answers: row.answers,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
});

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True for failures of reaching the database rather than of the query:
 * connection classes 08 and 57P (shutdown, restart), 53 (out of resources),
 * network errors and the pool's own timeouts.
 */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && (code.startsWith('08') || code.startsWith('57P') || code.startsWith('53') || NETWORK_CODES.has(code))) return true;
  // "Query read timeout": the pool's query_timeout, a database that accepted the query and went silent.
  return /Connection terminated|timeout exceeded when trying to connect|connection error|Connection refused|not queryable|Query read timeout/i.test(message ?? '');
}

/**
 * Runs `work`, turning "cannot reach the database" into the typed error and
 * leaving real faults alone; `outage` hears of each, to log them once a minute.
 */
export async function reachable<T>(work: () => Promise<T>, outage?: OutageLog): Promise<T> {
  try {
    const result = await work();
    outage?.succeeded();
    return result;
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    outage?.failed(error);
    throw new DraftStoreUnavailableError(error);
  }
}

/** Runs `work` in one transaction on a connection of its own; rolled back when it throws. */
export function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, outage?: OutageLog): Promise<T> {
  return reachable(async () => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isUnavailable(error);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that failed is not given back for the next request.
      client.release(broken);
    }
  }, outage);
}

export function createPostgresDraftStore({ pool, ttlDays, now = () => new Date(), outage }: PostgresDraftStoreOptions): DraftStore {
  checkTtlDays(ttlDays);

  const readRow = async (id: string, stamp: string) =>
    (await reachable(() => pool.query<DraftRow>('SELECT * FROM drafts WHERE id = $1 AND expires_at > $2', [id, stamp]), outage)).rows[0];

  /** Writes `answers` only if the draft is still at `version`; undefined when another save came first. */
  async function writeIfUnchanged(id: string, version: number, answers: DraftAnswers, at: Date): Promise<Draft | undefined> {
    const { rows } = await reachable(() =>
      pool.query<DraftRow>(
        'UPDATE drafts SET answers = $1, version = version + 1, updated_at = $2, expires_at = $3 WHERE id = $4 AND version = $5 AND expires_at > $2 RETURNING *',
        [JSON.stringify(answers), at.toISOString(), expiryFrom(at, ttlDays), id, version],
      ),
      outage,
    );
    return rows[0] ? toDraft(toFields(rows[0])) : undefined;
  }

  /** The slow path, after repeated collisions: hold the row (FOR UPDATE) so this save cannot lose again. */
  function updateLocked(id: string, change: (answers: DraftAnswers) => DraftAnswers): Promise<Draft | undefined> {
    return inTransaction(pool, async (client) => {
      const at = now();
      const stamp = at.toISOString();
      const current = (await client.query<DraftRow>('SELECT * FROM drafts WHERE id = $1 AND expires_at > $2 FOR UPDATE', [id, stamp])).rows[0];
      if (!current) return undefined;
      const answers = change(toDraft(toFields(current)).answers);
      const { rows } = await client.query<DraftRow>(
        'UPDATE drafts SET answers = $1, version = version + 1, updated_at = $2, expires_at = $3 WHERE id = $4 RETURNING *',
        [JSON.stringify(answers), stamp, expiryFrom(at, ttlDays), id],
      );
      return rows[0] ? toDraft(toFields(rows[0])) : undefined;
    }, outage);
  }

  async function update(id: string, change: (answers: DraftAnswers) => DraftAnswers): Promise<Draft | undefined> {
    if (!isDraftIdShape(id)) return undefined;
    // Usually nobody else is saving this draft: read, then write only if the
    // version is unchanged (two round trips, no transaction). If another tab
    // or instance saved in between, read again and reapply the change to
    // what it saved; after a few collisions, lock the row instead.
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const at = now();
      const current = await readRow(id, at.toISOString());
      if (!current) return undefined;
      const written = await writeIfUnchanged(id, current.version, change(toDraft(toFields(current)).answers), at);
      if (written) return written;
    }
    return updateLocked(id, change);
  }

  let open = true;
  return {
    engine: 'postgres',
    async create(answers = {}) {
      const at = now();
      const stamp = at.toISOString();
      const { rows } = await reachable(() =>
        pool.query<DraftRow>(
          'INSERT INTO drafts (id, answers, version, created_at, updated_at, expires_at) VALUES ($1, $2, 1, $3, $3, $4) RETURNING *',
          [newDraftId(), JSON.stringify(answers), stamp, expiryFrom(at, ttlDays)],
        ),
        outage,
      );
      return toDraft(toFields(rows[0]!));
    },
    async get(id) {
      if (!isDraftIdShape(id)) return undefined;
      const { rows } = await reachable(() => pool.query<DraftRow>('SELECT * FROM drafts WHERE id = $1 AND expires_at > $2', [id, now().toISOString()]), outage);
      return rows[0] ? toDraft(toFields(rows[0])) : undefined;
    },
    save: (id, answers) => update(id, () => answers),
    update,
    async delete(id) {
      if (!isDraftIdShape(id)) return false;
      const { rowCount } = await reachable(() => pool.query('DELETE FROM drafts WHERE id = $1', [id]), outage);
      return (rowCount ?? 0) > 0;
    },
    async sweepExpired(at = now()) {
      // One instance sweeps at a time; the others find the lock taken and skip this round.
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK_KEY]);
        if (!rows[0]?.locked) return 0;
        const { rowCount } = await client.query('DELETE FROM drafts WHERE expires_at <= $1', [at.toISOString()]);
        return rowCount ?? 0;
      }, outage);
    },
    async ping() {
      await reachable(() => pool.query('SELECT 1'), outage);
    },
    async close() {
      if (!open) return;
      open = false;
      await pool.end();
    },
  };
}
