// Which engine holds what, chosen by configuration and nowhere else:
// DATABASE_URL set, drafts and the CSRF secret in PostgreSQL; unset, SQLite
// and a secret file in DATA_DIR. Nothing above this file knows which.
//
// The PostgreSQL modules are imported only when DATABASE_URL is set: the pg
// driver adds about 15 MB to a server that does not use it (docs/speed.md).
import { createSqliteDraftStore } from '../drafts/sqlite-store.ts';
import type { DraftStore } from '../drafts/store.ts';
import { loadOrCreateCookieSecret } from '../web/cookie-secret.ts';
import type { Logger } from './postgres.ts';

export interface StorageOptions {
  readonly dataDir: string;
  readonly draftTtlDays: number;
  /** postgres://…; SQLite in dataDir when unset. */
  readonly databaseUrl?: string;
  /** COOKIE_SECRET: overrides the stored secret on every engine. */
  readonly cookieSecret?: string;
  readonly log?: Logger;
  /** The clock drafts expire by; tests fix it. */
  readonly now?: () => Date;
}

export interface Storage {
  readonly drafts: DraftStore;
  /** Signs the CSRF cookie; the same on every instance that shares the storage. */
  readonly cookieSecret: string;
}

export const COOKIE_SECRET_NAME = 'cookie-secret';

export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (!options.databaseUrl) {
    return {
      drafts: createSqliteDraftStore({ dataDir: options.dataDir, ttlDays: options.draftTtlDays, ...(options.now ? { now: options.now } : {}) }),
      cookieSecret: options.cookieSecret ?? loadOrCreateCookieSecret(options.dataDir),
    };
  }
  const [{ createPostgresPool, loadOrCreateSharedSecret, migrate }, { createPostgresDraftStore }] = await Promise.all([
    import('./postgres.ts'),
    import('../drafts/postgres-store.ts'),
  ]);
  const pool = createPostgresPool(options.databaseUrl, options.log);
  try {
    await migrate(pool);
    const cookieSecret = options.cookieSecret ?? (await loadOrCreateSharedSecret(pool, COOKIE_SECRET_NAME));
    return { drafts: createPostgresDraftStore({ pool, ttlDays: options.draftTtlDays, ...(options.now ? { now: options.now } : {}) }), cookieSecret };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
