// The engagements' own schema. In SQLite they live in a file of their own
// (engagements.sqlite), apart from the drafts: a different lifetime (years,
// not days), a different backup, and no draft migration can touch them. In
// PostgreSQL they are migration 3 of the shared list (src/drafts/migrations.ts).
import type { Migration } from '../drafts/migrations.ts';

export const ENGAGEMENT_SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'engagements',
    sql: `CREATE TABLE engagements (
            id TEXT PRIMARY KEY,
            client_key TEXT NOT NULL UNIQUE,
            owner_key TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL,
            replaces TEXT,
            draft_id TEXT,
            answers TEXT NOT NULL,
            language TEXT NOT NULL,
            document BLOB NOT NULL,
            document_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            retain_until TEXT NOT NULL
          );
          CREATE INDEX engagements_draft ON engagements (draft_id, version);
          CREATE INDEX engagements_retain_until ON engagements (retain_until);
          CREATE TABLE engagement_events (
            engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            at TEXT NOT NULL,
            data TEXT NOT NULL,
            prev TEXT,
            hash TEXT NOT NULL,
            PRIMARY KEY (engagement_id, seq)
          ) WITHOUT ROWID;
          CREATE TRIGGER engagement_events_insert_only BEFORE UPDATE ON engagement_events
          BEGIN SELECT RAISE(ABORT, 'engagement events are insert-only'); END;
          CREATE TABLE engagement_seals (
            engagement_id TEXT PRIMARY KEY REFERENCES engagements (id) ON DELETE CASCADE,
            seal TEXT NOT NULL,
            signed_file BLOB NOT NULL
          );`,
  },
];

export const ENGAGEMENT_POSTGRES_MIGRATION: Migration = {
  version: 3,
  name: 'engagements',
  sql: `CREATE TABLE engagements (
          id text PRIMARY KEY,
          client_key text NOT NULL UNIQUE,
          owner_key text NOT NULL UNIQUE,
          version integer NOT NULL,
          replaces text,
          draft_id text,
          answers text NOT NULL,
          language text NOT NULL,
          document bytea NOT NULL,
          document_hash text NOT NULL,
          created_at timestamptz NOT NULL,
          retain_until timestamptz NOT NULL
        );
        CREATE INDEX engagements_draft ON engagements (draft_id, version);
        CREATE INDEX engagements_retain_until ON engagements (retain_until);
        CREATE TABLE engagement_events (
          engagement_id text NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
          seq integer NOT NULL,
          type text NOT NULL,
          at text NOT NULL,
          data text NOT NULL,
          prev text,
          hash text NOT NULL,
          PRIMARY KEY (engagement_id, seq)
        );
        CREATE FUNCTION engagement_events_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'engagement events are insert-only'; END $$;
        CREATE TRIGGER engagement_events_insert_only BEFORE UPDATE ON engagement_events
          FOR EACH ROW EXECUTE FUNCTION engagement_events_insert_only();
        CREATE TABLE engagement_seals (
          engagement_id text PRIMARY KEY REFERENCES engagements (id) ON DELETE CASCADE,
          seal text NOT NULL,
          signed_file bytea NOT NULL
        );`,
};
