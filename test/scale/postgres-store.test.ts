// The PostgreSQL draft store against a real, throwaway PostgreSQL: the same
// contract as SQLite, plus what only a shared database has to get right
// (migrations and the shared secret raced by instances starting at once,
// one sweeper at a time).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY, POSTGRES_MIGRATIONS } from '../../src/drafts/migrations.ts';
import { createPostgresDraftStore, SWEEP_LOCK_KEY } from '../../src/drafts/postgres-store.ts';
import { createPostgresPool, loadOrCreateSharedSecret, migrate } from '../../src/storage/postgres.ts';
import { describeDraftStoreContract } from '../drafts/draft-store-contract.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/throwaway-servers.ts';

let server: ThrowawayPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const freshDatabase = () => server.createDatabase(`t_${randomBytes(6).toString('hex')}`);

describeDraftStoreContract('PostgreSQL', async () => {
  const url = await freshDatabase();
  const admin = createPostgresPool(url);
  await migrate(admin);
  return {
    open: async ({ ttlDays, now }) => createPostgresDraftStore({ pool: createPostgresPool(url), ttlDays, now }),
    countRows: async () => Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM drafts')).rows[0]!.n),
    dispose: () => admin.end(),
  };
});

describe('PostgreSQL storage shared by instances', () => {
  it('applies every migration exactly once when five instances start at the same moment', async () => {
    const url = await freshDatabase();
    const pools = Array.from({ length: 5 }, () => createPostgresPool(url));
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(applied.reduce((sum, count) => sum + count, 0)).toBe(POSTGRES_MIGRATIONS.length);
      const { rows } = await pools[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
      expect(await Promise.all(pools.map((pool) => migrate(pool)))).toEqual([0, 0, 0, 0, 0]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('waits for a migration another instance is applying instead of applying it twice', async () => {
    const url = await freshDatabase();
    const holder = new pg.Client({ connectionString: url });
    const pool = createPostgresPool(url);
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      let finished = false;
      const migrating = migrate(pool).then((count) => ((finished = true), count));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      expect(await migrating).toBe(POSTGRES_MIGRATIONS.length);
    } finally {
      await holder.end();
      await pool.end();
    }
  });

  it('gives every instance the same CSRF secret, created once', async () => {
    const url = await freshDatabase();
    const pools = Array.from({ length: 4 }, () => createPostgresPool(url));
    try {
      await migrate(pools[0]!);
      const secrets = await Promise.all(pools.map((pool) => loadOrCreateSharedSecret(pool, 'cookie-secret')));
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(await loadOrCreateSharedSecret(pools[0]!, 'cookie-secret')).toBe(secrets[0]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('sweeps on one instance at a time: while one holds the sweep, another skips it', async () => {
    const url = await freshDatabase();
    const admin = createPostgresPool(url);
    await migrate(admin);
    let clock = new Date('2026-03-01T12:00:00Z');
    const store = createPostgresDraftStore({ pool: createPostgresPool(url), ttlDays: 1, now: () => clock });
    const holder = await admin.connect();
    try {
      await store.create({});
      clock = new Date('2026-03-05T12:00:00Z');
      await holder.query('SELECT pg_advisory_lock($1)', [SWEEP_LOCK_KEY]);
      expect(await store.sweepExpired()).toBe(0);
      await holder.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      expect(await store.sweepExpired()).toBe(1);
    } finally {
      holder.release();
      await store.close();
      await admin.end();
    }
  });

  it('says the database is unavailable, as a typed error, when it cannot be reached', async () => {
    const store = createPostgresDraftStore({ pool: createPostgresPool(`postgres://postgres@127.0.0.1:1/none`), ttlDays: 30 });
    try {
      await expect(store.get('A'.repeat(32))).rejects.toMatchObject({ name: 'DraftStoreUnavailableError' });
      await expect(store.ping()).rejects.toMatchObject({ name: 'DraftStoreUnavailableError' });
    } finally {
      await store.close();
    }
  });
});
