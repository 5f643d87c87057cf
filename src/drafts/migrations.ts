// Versioned schema changes for both engines, applied at start-up. A change
// is never edited once released: a new one is appended with the next
// number. SQLite records the version in `PRAGMA user_version`; PostgreSQL in
// a schema_migrations table, with an advisory lock so that instances starting
// at the same moment apply each change exactly once.
import type BetterSqlite3 from 'better-sqlite3';
import type { ClientBase } from 'pg';
import { ENGAGEMENT_POSTGRES_MIGRATION } from '../engagements/migrations.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'drafts',
    // IF NOT EXISTS: files written before versioning (user_version 0) already have this table.
    sql: `CREATE TABLE IF NOT EXISTS drafts (
            id TEXT PRIMARY KEY,
            answers TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
          ) WITHOUT ROWID;
          CREATE INDEX IF NOT EXISTS drafts_expires_at ON drafts (expires_at);`,
  },
  { version: 2, name: 'draft versions', sql: 'ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;' },
];

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'drafts',
    // Answers as JSON text, not jsonb: text keeps every character a user typed (jsonb refuses \u0000).
    sql: `CREATE TABLE drafts (
            id text PRIMARY KEY,
            answers text NOT NULL,
            version integer NOT NULL DEFAULT 1,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL
          );
          CREATE INDEX drafts_expires_at ON drafts (expires_at);`,
  },
  {
    version: 2,
    name: 'shared settings',
    // Values every instance must agree on, such as the CSRF signing secret.
    sql: `CREATE TABLE shared_settings (
            name text PRIMARY KEY,
            value text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
          );`,
  },
  ENGAGEMENT_POSTGRES_MIGRATION,
];

export function migrateSqlite(db: BetterSqlite3.Database, migrations: readonly Migration[] = SQLITE_MIGRATIONS): number {
  const apply = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    return pending.length;
  });
  // Immediate: a second process opening the same file waits instead of migrating twice.
  return apply.immediate();
}

/** Any fixed 64-bit number; it only has to differ from the other locks this app takes. */
export const MIGRATION_LOCK_KEY = 7_231_640_001;

/** Applies the pending PostgreSQL migrations; returns how many this instance applied. */
export async function migratePostgres(client: ClientBase, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<number> {
  await client.query('BEGIN');
  try {
    // Held until COMMIT: a second instance waits here, then finds nothing left to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
                          version integer PRIMARY KEY,
                          name text NOT NULL,
                          applied_at timestamptz NOT NULL DEFAULT now()
                        )`);
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
    return pending.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
