// Which engine holds what, chosen by configuration and nowhere else:
// DATABASE_URL set, drafts and the CSRF secret in PostgreSQL; unset, SQLite
// and a secret file in DATA_DIR. Nothing above this file knows which.
//
// The PostgreSQL modules are imported only when DATABASE_URL is set: the pg
// driver adds about 15 MB to a server that does not use it (docs/speed.md).
import { createSqliteDraftStore } from '../drafts/sqlite-store.ts';
import type { DraftStore } from '../drafts/store.ts';
import { signingKeyFromPem, type SigningKey } from '../engagements/seal.ts';
import { loadOrCreateSigningKeyFile } from '../engagements/signing-key-file.ts';
import { createSqliteEngagementStore } from '../engagements/sqlite-store.ts';
import type { EngagementStore } from '../engagements/store.ts';
import { loadOrCreateCookieSecret } from '../web/cookie-secret.ts';
import { outageLog, type OutageLogger } from './outage-log.ts';

export interface StorageOptions {
  readonly dataDir: string;
  readonly draftTtlDays: number;
  /** postgres://…; SQLite in dataDir when unset. */
  readonly databaseUrl?: string;
  /** COOKIE_SECRET: overrides the stored secret on every engine. */
  readonly cookieSecret?: string;
  /** SIGNING_KEY (PKCS#8 PEM of an Ed25519 key): overrides the stored key on every engine. */
  readonly signingKey?: string;
  readonly log?: OutageLogger;
  /** The clock drafts expire by; tests fix it. */
  readonly now?: () => Date;
}

export interface Storage {
  readonly drafts: DraftStore;
  /** Signs the CSRF cookie; the same on every instance that shares the storage. */
  readonly cookieSecret: string;
  /** Engagements sent for signature and their records: never swept with the drafts. */
  readonly engagements: EngagementStore;
  /** Seals completed records; the same on every instance that shares the storage. */
  readonly signingKey: SigningKey;
}

export const COOKIE_SECRET_NAME = 'cookie-secret';
export const SIGNING_KEY_NAME = 'signing-key';

export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (!options.databaseUrl) {
    return {
      drafts: createSqliteDraftStore({ dataDir: options.dataDir, ttlDays: options.draftTtlDays, ...(options.now ? { now: options.now } : {}) }),
      cookieSecret: options.cookieSecret ?? loadOrCreateCookieSecret(options.dataDir),
      engagements: createSqliteEngagementStore({ dataDir: options.dataDir, ...(options.now ? { now: options.now } : {}) }),
      signingKey: options.signingKey ? signingKeyFromPem(options.signingKey) : loadOrCreateSigningKeyFile(options.dataDir),
    };
  }
  const [{ createPostgresPool, loadOrCreateSharedSecret, loadOrCreateSharedValue, migrate }, { createPostgresDraftStore }, { createPostgresEngagementStore }, { newSigningKeyPem }] = await Promise.all([
    import('./postgres.ts'),
    import('../drafts/postgres-store.ts'),
    import('../engagements/postgres-store.ts'),
    import('../engagements/seal.ts'),
  ]);
  const pool = createPostgresPool(options.databaseUrl, options.log);
  try {
    await migrate(pool);
    const cookieSecret = options.cookieSecret ?? (await loadOrCreateSharedSecret(pool, COOKIE_SECRET_NAME));
    const signingKey = signingKeyFromPem(options.signingKey ?? (await loadOrCreateSharedValue(pool, SIGNING_KEY_NAME, newSigningKeyPem)));
    const now = options.now ? { now: options.now } : {};
    // One log for both stores: they share the pool, so an outage is one outage.
    const outage = outageLog(options.log, {
      down: 'PostgreSQL unreachable: pages that need a draft answer 503 until it is back',
      back: 'PostgreSQL reachable again',
    });
    return {
      drafts: createPostgresDraftStore({ pool, ttlDays: options.draftTtlDays, outage, ...now }),
      cookieSecret,
      engagements: createPostgresEngagementStore({ pool, outage, ...now }),
      signingKey,
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
